"""A SCORM 1.2 or 2004 package (a .zip) checked before anything of it is kept.

The archive: a real ZIP, at most MAX_ARCHIVE_BYTES, at most MAX_FILES entries and MAX_UNPACKED_BYTES
unpacked, no entry that would land outside the package (an absolute path, a drive, "..": zip-slip), no
link, no encrypted entry, no entry packed more than MAX_RATIO times (a zip bomb), and only the file
types a package needs. The manifest: imsmanifest.xml at the package's root, parsed without DTDs or
entities (defusedxml), SCORM 1.2 or 2004 by its namespaces and schema version, and a launch resource
(the default organization's first item that names a resource, or else the first SCO) whose file is
in the package. Each refusal names the problem in Indonesian and a `code` that does not change with
the wording.
"""

import posixpath
import stat
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

MAX_ARCHIVE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
MAX_FILES = 10_000
MAX_MANIFEST_BYTES = 5 * 1024 * 1024
MAX_RATIO = 100  # unpacked / packed, for an entry of more than RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
MANIFEST = "imsmanifest.xml"
# What a package needs: pages, scripts, styles, data, media, fonts, documents, and the schema files
# authoring tools ship beside the manifest; old Storyline output also carries Flash fallbacks, which
# no browser runs any more. Nothing a server would execute.
ALLOWED_EXTENSIONS = frozenset(
    "html htm xhtml js mjs css json xml xsd dtd txt md csv tsv vtt srt map "
    "png jpg jpeg gif svg webp avif ico bmp "
    "mp3 mp4 m4a m4v webm ogg oga ogv wav aac flac "
    "woff woff2 ttf otf eot pdf swf".split()
)
CP_12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
CP_2004 = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP_12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
ADLCP_2004 = "http://www.adlnet.org/xsd/adlcp_v1p3"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class PackageRejected(Exception):
    def __init__(self, message: str, *, code: str):
        self.message, self.code = message, code
        super().__init__(message)


@dataclass(frozen=True)
class PackageInfo:
    version: str  # "1.2" or "2004"
    title: str
    launch: str  # the launch file's path in the package
    parameters: str  # the item's query or fragment, to add to the launch address ("" if none)
    mastery_score: int | None  # SCORM 1.2's adlcp:masteryscore of the launched item
    files: tuple[str, ...]
    unpacked_bytes: int


def _size(file) -> int:
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    return size


def _entry_path(info: zipfile.ZipInfo) -> str:
    """The entry's path inside the package, or PackageRejected when it would land outside it."""
    name = info.filename.replace("\\", "/")
    parts = name.split("/")
    if name.startswith("/") or (len(parts[0]) == 2 and parts[0][1] == ":") or ".." in parts:
        raise PackageRejected(
            _("Berkas %(name)s di dalam paket menunjuk ke luar paket; paket ditolak.") % {"name": info.filename},
            code="unsafe_path",
        )
    return posixpath.normpath(name)


def _check_entries(archive: zipfile.ZipFile) -> tuple[list[str], int]:
    infos = archive.infolist()
    if len(infos) > MAX_FILES:
        raise PackageRejected(
            _("Paket berisi lebih dari %(count)s berkas.") % {"count": f"{MAX_FILES:,}".replace(",", ".")},
            code="too_many_files",
        )
    files, unpacked = [], 0
    for info in infos:
        if info.is_dir():
            continue
        path = _entry_path(info)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackageRejected(_("Paket berisi tautan (symlink): %(name)s.") % {"name": path}, code="link")
        if info.flag_bits & 0x1:
            raise PackageRejected(_("Paket berisi berkas terenkripsi: %(name)s.") % {"name": path}, code="encrypted")
        extension = posixpath.splitext(path)[1].lower().lstrip(".")
        if extension not in ALLOWED_EXTENSIONS:
            raise PackageRejected(
                _("Jenis berkas %(name)s tidak diizinkan dalam paket SCORM.") % {"name": path}, code="file_type"
            )
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageRejected(
                _("Berkas %(name)s dimampatkan secara tidak wajar (bom zip); paket ditolak.") % {"name": path},
                code="zip_bomb",
            )
        unpacked += info.file_size
        files.append(path)
    if unpacked > MAX_UNPACKED_BYTES:
        raise PackageRejected(
            _("Isi paket terlalu besar: lebih dari %(mb)s MB setelah dibuka.") % {"mb": MAX_UNPACKED_BYTES // 2**20},
            code="too_large_unpacked",
        )
    return files, unpacked


def _manifest(archive: zipfile.ZipFile, files: list[str]):
    if MANIFEST not in files:
        nested = next((f for f in files if f.endswith("/" + MANIFEST)), None)
        if nested:
            folder = nested[: -len(MANIFEST) - 1]
            message = _(
                "imsmanifest.xml ada di dalam folder %(folder)s, bukan di akar paket. Buat ZIP dari isi folder "
                "itu, bukan dari foldernya."
            ) % {"folder": folder}
            raise PackageRejected(message, code="manifest_nested")
        raise PackageRejected(_("Paket tidak berisi imsmanifest.xml; ini bukan paket SCORM."), code="manifest_missing")
    if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
        raise PackageRejected(_("imsmanifest.xml terlalu besar."), code="manifest_too_large")
    try:
        return ElementTree.fromstring(archive.read(MANIFEST))
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise PackageRejected(
            _("imsmanifest.xml tidak dapat dibaca sebagai XML: %(error)s.") % {"error": error}, code="manifest_xml"
        ) from None


def _version(root) -> tuple[str, str, str]:
    """("1.2" or "2004", the content-packaging namespace, the ADL namespace)."""
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    schema_version = ""
    for element in root.iter():
        if element.tag.endswith("}schemaversion") or element.tag == "schemaversion":
            schema_version = (element.text or "").strip()
            break
    if namespace == CP_2004 or schema_version.startswith(("2004", "CAM 1.3")):
        return "2004", namespace, ADLCP_2004
    if namespace in (CP_12, "") and schema_version in ("1.2", ""):
        return "1.2", namespace, ADLCP_12
    raise PackageRejected(
        _("Versi paket tidak dikenali (%(version)s); yang didukung SCORM 1.2 dan SCORM 2004.")
        % {"version": schema_version or namespace},
        code="version",
    )


def _q(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}" if namespace else tag


def _first_item_with_resource(element, cp: str):
    for item in element.iter(_q(cp, "item")):
        if item.get("identifierref"):
            return item
    return None


def _launch(root, version: str, cp: str, adlcp: str):
    resources = root.find(_q(cp, "resources"))
    if resources is None:
        raise PackageRejected(_("imsmanifest.xml tidak memiliki bagian resources."), code="no_resources")
    by_id = {r.get("identifier"): r for r in resources.findall(_q(cp, "resource"))}
    organizations = root.find(_q(cp, "organizations"))
    item, organization = None, None
    if organizations is not None:
        all_orgs = organizations.findall(_q(cp, "organization"))
        default = organizations.get("default")
        organization = next((o for o in all_orgs if o.get("identifier") == default), all_orgs[0] if all_orgs else None)
        if organization is not None:
            item = _first_item_with_resource(organization, cp)
    scorm_type = "scormtype" if version == "1.2" else "scormType"
    if item is not None:
        resource = by_id.get(item.get("identifierref"))
        if resource is None:
            raise PackageRejected(
                _("Item %(item)s menunjuk resource %(ref)s yang tidak ada di imsmanifest.xml.")
                % {"item": item.get("identifier"), "ref": item.get("identifierref")},
                code="no_resource",
            )
    else:
        resource = next(
            (r for r in by_id.values() if r.get(f"{{{adlcp}}}{scorm_type}") == "sco" and r.get("href")), None
        )
    if resource is None or not resource.get("href"):
        raise PackageRejected(_("imsmanifest.xml tidak menyebut berkas yang diluncurkan."), code="no_launch")
    return organization, item, resources, resource


def _title(root, organization, item, cp: str) -> str:
    for element in (organization, item):
        if element is not None:
            title = element.find(_q(cp, "title"))
            if title is not None and (title.text or "").strip():
                return " ".join(title.text.split())[:255]
    return ""


def package_inspect(file) -> PackageInfo:
    """Check an uploaded package (a binary file object, seekable); PackageRejected if it is refused."""
    size = _size(file)
    if size > MAX_ARCHIVE_BYTES:
        raise PackageRejected(
            _("Paket terlalu besar: paling besar %(mb)s MB.") % {"mb": MAX_ARCHIVE_BYTES // 2**20}, code="too_large"
        )
    if not zipfile.is_zipfile(file):
        raise PackageRejected(_("Berkas ini bukan ZIP; unggah paket SCORM berformat .zip."), code="not_zip")
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            files, unpacked = _check_entries(archive)
            root = _manifest(archive, files)
    except zipfile.BadZipFile:
        raise PackageRejected(_("Berkas ZIP rusak; buat ulang paketnya."), code="bad_zip") from None
    finally:
        file.seek(0)
    version, cp, adlcp = _version(root)
    organization, item, resources, resource = _launch(root, version, cp, adlcp)
    base = (resources.get(XML_BASE) or "") + (resource.get(XML_BASE) or "")
    href = base + resource.get("href")
    path, _sep, rest = href.partition("?")
    path, _hash, fragment = path.partition("#")
    launch = posixpath.normpath(unquote(path))
    if launch not in files:
        raise PackageRejected(
            _("Berkas yang diluncurkan, %(file)s, tidak ada di dalam paket.") % {"file": launch}, code="launch_missing"
        )
    parameters = ("?" + rest if rest else "") + ("#" + fragment if fragment else "")
    if item is not None and item.get("parameters"):
        parameters = parameters or item.get("parameters")
    return PackageInfo(
        version=version,
        title=_title(root, organization, item, cp),
        launch=launch,
        parameters=parameters,
        mastery_score=_mastery_score(item) if version == "1.2" else None,
        files=tuple(files),
        unpacked_bytes=unpacked,
    )


def _mastery_score(item) -> int | None:
    mastery = item.find(f"{{{ADLCP_12}}}masteryscore") if item is not None else None
    try:
        return round(float(mastery.text)) if mastery is not None else None
    except (TypeError, ValueError):
        return None
