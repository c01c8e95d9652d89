"""Moodle's competency framework export, as Moodle writes it, imports with its hierarchy and its
cross-references.

fixtures/moodle_example.csv is Moodle's own test file for tool_lpimportcsv, copied byte for byte
from moodle/moodle, admin/tool/lpimportcsv/tests/fixtures/example.csv (commit 337fd7b2e88c);
licence GPL-3.0 (GNU GPL v3 or later), as all of Moodle.
"""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from competency import services
from competency.importing.formats import html_to_text
from competency.models import Competency
from competency.relations import CompetencyRelation, related_codes

MOODLE_FILE = Path(__file__).parent / "fixtures" / "moodle_example.csv"
URL = "/admin/kompetensi-impor/"
# Moodle's own test expects 64 competencies from this file (import_test.php).
MOODLE_COUNT = 64
LEVEL_1_RELATED = 39


def moodle_bytes() -> bytes:
    return MOODLE_FILE.read_bytes()


def cut_inside_a_description() -> bytes:
    """Moodle's file cut off inside its last multi-line description (an interrupted download)."""
    data = moodle_bytes()
    return data[: data.rindex(b"<p>Identifies new information") + 30]


def snapshot():
    return (
        sorted(Competency.objects.values_list("code", "name", "parent__code", "description")),
        sorted(CompetencyRelation.objects.values_list("competency__code", "related__code")),
    )


def test_the_fixture_is_moodles_file_as_written():
    data = moodle_bytes()
    header = data.split(b"\n", 1)[0].decode()
    assert header.startswith('"Parent id number","Id number",Shortname,Description,"Description format"')
    assert header.endswith('"Cross referenced competency id numbers","Exported id (optional)","Is framework",Taxonomy')
    assert b"\r\n" in data  # line breaks inside the quoted HTML descriptions are Windows ones


@pytest.mark.django_db
def test_moodle_export_imports_with_hierarchy_cross_references_and_plain_text():
    before = Competency.objects.count()
    result = services.competencies_import(data=moodle_bytes(), name="OECD-OECD-CORE.csv")

    assert result.ok, [str(error) for error in result.errors]
    assert (result.format, result.framework) == ("moodle", "OECD")
    assert (result.rows, result.created, result.updated) == (MOODLE_COUNT, MOODLE_COUNT, 0)
    assert Competency.objects.count() == before + MOODLE_COUNT
    assert not Competency.objects.filter(code="OECD-CORE").exists()  # the framework row is not a competency

    indicator = Competency.objects.select_related("parent__parent__parent").get(code="DR-AT1")
    assert indicator.name == "Distinguishes between critical and irrelevant pieces of information"
    assert indicator.kind == "teknis"
    assert [indicator.parent.code, indicator.parent.parent.code, indicator.parent.parent.parent.code] == [
        "analytical-thinking",
        "delivery",
        "competencies",
    ]
    assert indicator.parent.parent.parent.parent is None
    assert Competency.objects.get(code="levels").parent is None
    assert Competency.objects.filter(parent__code="levels").count() == 5

    # The HTML descriptions become plain text: no tags, HTML line breaks in the source are spaces.
    assert Competency.objects.get(code="analytical-thinking").description == (
        "Analytical Thinking is the ability to identify patterns across situations that are not obviously "
        "related, and to identify key or underlying issues in complex situations."
    )
    assert Competency.objects.get(code="I-OK-3").description == (
        "Knows and respects the Organisation’s Code of Conduct and values."
    )
    assert Competency.objects.get(code="competencies").description == ""
    imported = Competency.objects.filter(code__in=[row for row in related_codes("level-1")] + ["level-1"])
    assert not any("<" in text or "\r" in text for text in imported.values_list("description", flat=True))

    # Cross-references: level 1 and its 39 behaviour indicators, each pair once whichever row names it.
    assert result.related == LEVEL_1_RELATED
    assert CompetencyRelation.objects.count() == LEVEL_1_RELATED
    assert len(related_codes("level-1")) == LEVEL_1_RELATED
    assert {"DR-AT1", "I-N-3", "S-ST-1"} <= set(related_codes("level-1"))
    assert related_codes("DR-AT1") == ["level-1"]
    assert related_codes("level-2") == []


@pytest.mark.django_db
def test_importing_moodles_file_again_changes_nothing():
    services.competencies_import(data=moodle_bytes(), name="oecd.csv")
    before = snapshot()

    again = services.competencies_import(data=moodle_bytes(), name="oecd.csv")

    assert (again.created, again.updated, again.unchanged, again.related) == (0, 0, MOODLE_COUNT, 0)
    assert snapshot() == before


@pytest.mark.django_db
def test_a_dry_run_counts_the_cross_references_and_writes_nothing():
    before = snapshot()
    result = services.competencies_import(data=moodle_bytes(), name="oecd.csv", dry_run=True)
    assert (result.created, result.related) == (MOODLE_COUNT, LEVEL_1_RELATED)
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header",
    [
        "PARENT ID NUMBER,ID NUMBER,SHORTNAME",
        "parent_id_number,idnumber,short_name",
        "Parent ID number,ID number,Short name",
        " Parent  Id number , Id-number ,Short Name ",
    ],
)
def test_headers_match_without_regard_to_case_and_spacing(header):
    text = moodle_bytes().decode()
    first, rest = text.split("\n", 1)
    first = first.replace('"Parent id number","Id number",Shortname', header)
    first = first.replace('"Cross referenced competency id numbers"', "CROSS-REFERENCED COMPETENCY ID NUMBERS")
    first = first.replace('"Is framework"', "is_framework")
    result = services.competencies_import(data=f"{first}\n{rest}".encode(), name="oecd.csv")

    assert result.ok, [str(error) for error in result.errors]
    assert (result.created, result.related) == (MOODLE_COUNT, LEVEL_1_RELATED)
    assert Competency.objects.get(code="DR-AF-2").parent.code == "acheivement-focus"


@pytest.mark.django_db
def test_an_unknown_cross_reference_is_reported_and_nothing_changes():
    before = snapshot()
    data = moodle_bytes().replace(b"null,level-1,64,,", b"null,level-1%2Cx,64,,")

    result = services.competencies_import(data=data, name="oecd.csv")

    assert [(error.row, error.column, error.value) for error in result.errors] == [
        (result.errors[0].row, "Cross referenced competency id numbers", "level-1%2Cx")
    ]
    assert result.errors[0].code == "unknown_related"
    assert "level-1-x" in result.errors[0].reason  # the unknown code, as Moodle's id number becomes it
    assert snapshot() == before


def test_html_descriptions_become_safe_text():
    assert html_to_text('<p>Satu<script>alert("x")</script></p><style>p{}</style><!-- catatan -->Dua') == "Satu\nDua"
    assert html_to_text("<p>Baris\r\nsatu &amp; <b>dua</b><br>tiga</p>") == "Baris satu & dua\ntiga"
    assert html_to_text("&lt;script&gt;") == "<script>"  # text, shown escaped like every other text


@pytest.mark.django_db
def test_plain_text_descriptions_are_kept_as_written():
    text = moodle_bytes().decode()
    data = text.replace('"<p>Building relationships</p>",1,', '"Membangun <relasi>\r\nkerja",2,').encode()
    services.competencies_import(data=data, name="oecd.csv")
    assert Competency.objects.get(code="interpersonal").description == "Membangun <relasi>\nkerja"


# --- the command and the admin screen ------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_imports_moodles_file(capsys):
    call_command("import_competencies", str(MOODLE_FILE))
    out = capsys.readouterr().out
    assert "64 baris dari ekspor Moodle (OECD): 64 baru" in out
    assert "39 pasangan kompetensi terkait ditambahkan." in out
    assert Competency.objects.filter(code="S-ST-1", parent__code="strategic-thinking").exists()


@pytest.mark.django_db
def test_the_command_refuses_a_broken_file_and_changes_nothing(tmp_path):
    before = snapshot()
    broken = tmp_path / "oecd.csv"
    broken.write_bytes(cut_inside_a_description())
    with pytest.raises(CommandError, match="CSV tidak sah di baris .*berkas mungkin terpotong"):
        call_command("import_competencies", str(broken))
    assert snapshot() == before


@pytest.mark.django_db
def test_hr_uploads_moodles_file_in_the_admin(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    response = client.post(URL, {"file": SimpleUploadedFile("OECD-OECD-CORE.csv", moodle_bytes())})

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "64 kompetensi baru" in page
    assert "Kerangka Moodle: OECD." in page
    assert "39 pasangan kompetensi terkait ditambahkan." in page
    assert Competency.objects.get(code="DR-TW-3").parent.code == "teamwork"


@pytest.mark.django_db
def test_hr_gets_an_indonesian_message_for_a_malformed_file(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    before = snapshot()
    response = client.post(URL, {"file": SimpleUploadedFile("oecd.csv", cut_inside_a_description())})

    assert response.status_code == 400
    html = response.content.decode()
    assert "CSV tidak sah di baris" in html and "berkas mungkin terpotong" in html
    assert "unexpected end of data" not in html
    assert snapshot() == before
