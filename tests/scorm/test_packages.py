"""A SCORM package is checked whole before anything of it is kept: real manifests of authoring tools
are read, and every kind of dangerous or broken archive is refused with a message that names it."""

import io
import re
import stat
import zipfile
from pathlib import Path

import pytest

from courses.scorm.packages import MAX_RATIO, PackageRejected, package_inspect

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "scorm"


def package(files: dict[str, bytes | str], *, infos: list[tuple[zipfile.ZipInfo, bytes]] = ()) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
        for info, content in infos:
            archive.writestr(info, content)
    buffer.seek(0)
    return buffer


def published(manifest_name: str) -> io.BytesIO:
    """The manifest in a ZIP with every file it names, as the tool publishes it."""
    manifest = (FIXTURES / manifest_name).read_text()
    files = {"imsmanifest.xml": manifest}
    for href in re.findall(r'href="([^"]+)"', manifest):
        files.setdefault(href, b"<html></html>" if href.endswith(".html") else b"data")
    return package(files)


def refused(file) -> PackageRejected:
    with pytest.raises(PackageRejected) as error:
        package_inspect(file)
    return error.value


def minimal(href="index.html", version="1.2") -> str:
    if version == "1.2":
        return f"""<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Etika ASN</title>
    <item identifier="i" identifierref="r"><title>Etika ASN</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="{href}"/></resources>
</manifest>"""
    return f"""<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Etika ASN</title>
    <item identifier="i" identifierref="r" parameters="?bab=1"><title>Etika ASN</title></item>
  </organization></organizations>
  <resources xml:base="konten/">
    <resource identifier="r" type="webcontent" adlcp:scormType="sco" href="{href}"/>
  </resources>
</manifest>"""


# --- Real manifests ---------------------------------------------------------------------------------


def test_articulate_storyline_scorm_12():
    info = package_inspect(published("storyline-scorm12.xml"))
    assert (info.version, info.title, info.launch, info.mastery_score) == (
        "1.2",
        "5-Why Problem Solving",
        "index_lms.html",
        80,
    )
    assert "story_content/6ls8d7kfUb5_P_0_102_937_524_DX1874_DY1874.swf" in info.files


def test_h5p_scorm_12_with_metadata_on_every_level():
    info = package_inspect(published("h5p-scorm12.xml"))
    assert (info.version, info.title, info.launch, info.mastery_score) == (
        "1.2",
        "A1: Telephone - Basics",
        "index.html",
        100,
    )


def test_rustici_driver_scorm_2004_4th_edition():
    info = package_inspect(published("rustici-driver-scorm2004.xml"))
    assert (info.version, info.title, info.launch, info.mastery_score) == (
        "2004",
        "Course Title",
        "scormdriver/indexAPI.html",
        None,
    )


def test_xml_base_parameters_and_an_escaped_file_name():
    info = package_inspect(
        package({"imsmanifest.xml": minimal("mulai%20di%20sini.html", "2004"), "konten/mulai di sini.html": "<p>"})
    )
    assert (info.version, info.launch, info.parameters) == ("2004", "konten/mulai di sini.html", "?bab=1")


# --- Refused ----------------------------------------------------------------------------------------


def test_not_a_zip():
    assert refused(io.BytesIO(b"%PDF-1.4 bukan zip")).code == "not_zip"


def test_a_zip_without_a_manifest():
    error = refused(package({"index.html": "<p>"}))
    assert error.code == "manifest_missing" and "imsmanifest.xml" in error.message


def test_a_manifest_inside_a_folder_says_how_to_zip_it():
    error = refused(package({"Kursus Etika/imsmanifest.xml": minimal(), "Kursus Etika/index.html": "<p>"}))
    assert error.code == "manifest_nested" and "Kursus Etika" in error.message


def test_a_manifest_that_is_not_xml_or_declares_entities():
    assert refused(package({"imsmanifest.xml": "<manifest><oops", "index.html": "<p>"})).code == "manifest_xml"
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><manifest>&b;</manifest>'
    )
    assert refused(package({"imsmanifest.xml": bomb})).code == "manifest_xml"


def test_a_launch_file_that_is_not_in_the_package():
    error = refused(package({"imsmanifest.xml": minimal("tidak-ada.html")}))
    assert error.code == "launch_missing" and "tidak-ada.html" in error.message


def test_an_item_naming_a_resource_that_does_not_exist():
    manifest = minimal().replace('identifierref="r"', 'identifierref="hilang"')
    assert refused(package({"imsmanifest.xml": manifest, "index.html": "<p>"})).code == "no_resource"


def test_an_unknown_version():
    manifest = minimal().replace("<schemaversion>1.2</schemaversion>", "<schemaversion>1.1</schemaversion>")
    error = refused(package({"imsmanifest.xml": manifest, "index.html": "<p>"}))
    assert error.code == "version" and "1.1" in error.message


@pytest.mark.parametrize(
    "name", ["../../etc/cron.d/kompeten.txt", "/etc/passwd.txt", "C:/Windows/x.txt", "a\\..\\..\\b.txt"]
)
def test_zip_slip(name):
    error = refused(package({"imsmanifest.xml": minimal(), "index.html": "<p>", name: "x"}))
    assert error.code == "unsafe_path"


def test_a_symlink():
    link = zipfile.ZipInfo("tautan.txt")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    error = refused(package({"imsmanifest.xml": minimal(), "index.html": "<p>"}, infos=[(link, b"/etc/passwd")]))
    assert error.code == "link"


@pytest.mark.parametrize("name", ["shell.php", "setup.exe", "run.sh", ".htaccess", "lib/tool.jar"])
def test_file_types_a_package_does_not_need(name):
    error = refused(package({"imsmanifest.xml": minimal(), "index.html": "<p>", name: "x"}))
    assert error.code == "file_type" and name in error.message


def test_a_zip_bomb():
    huge = b"\0" * (MAX_RATIO * 1024 * 1024 // 10)  # 10 MB of zeros packs to a few kB
    error = refused(package({"imsmanifest.xml": minimal(), "index.html": "<p>", "media/video.mp4": huge}))
    assert error.code == "zip_bomb"


def test_too_large_unpacked(monkeypatch):
    monkeypatch.setattr("courses.scorm.packages.MAX_UNPACKED_BYTES", 1000)
    error = refused(package({"imsmanifest.xml": minimal(), "index.html": "x" * 2000}))
    assert error.code == "too_large_unpacked"


def test_too_large_an_archive(monkeypatch):
    monkeypatch.setattr("courses.scorm.packages.MAX_ARCHIVE_BYTES", 100)
    assert refused(package({"imsmanifest.xml": minimal(), "index.html": "<p>"})).code == "too_large"


def test_a_broken_zip():
    data = package({"imsmanifest.xml": minimal(), "index.html": "<p>" * 1000}).getvalue()
    broken = io.BytesIO(data[:30] + b"\xff" * 200 + data[230:])
    assert refused(broken).code in ("bad_zip", "manifest_xml", "not_zip")


def test_a_mastery_score_that_is_not_a_number_is_ignored():
    manifest = minimal().replace(
        "<title>Etika ASN</title></item>",
        "<title>Etika ASN</title><adlcp:masteryscore>tinggi</adlcp:masteryscore></item>",
    )
    assert package_inspect(package({"imsmanifest.xml": manifest, "index.html": "<p>"})).mastery_score is None


def test_the_file_is_rewound_for_whoever_reads_it_next():
    file = published("h5p-scorm12.xml")
    package_inspect(file)
    assert file.tell() == 0
