"""Browser: HR imports the competency framework Moodle exported (Moodle's own test file) from the
dictionary screen, and a file cut off in transfer is refused with a message and changes nothing."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from competency.models import Competency
from competency.relations import CompetencyRelation, related_codes

from .conftest import screenshot
from .test_gaps import hr_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MOODLE_FILE = Path(__file__).resolve().parents[1] / "competency" / "fixtures" / "moodle_example.csv"


@pytest.mark.e2e
def test_hr_imports_a_moodle_framework_from_the_dictionary(page, live_server, hr, password, tmp_path):
    count = Competency.objects.count()
    broken = tmp_path / "OECD-OECD-CORE.csv"
    data = MOODLE_FILE.read_bytes()
    broken.write_bytes(data[: data.rindex(b"<p>Identifies new information") + 30])

    hr_log_in(page, live_server, hr, password)
    page.goto(f"{live_server.url}/admin/kompetensi/")

    # A download cut off inside a description: refused, nothing written.
    page.get_by_role("link", name="Impor kompetensi").first.click()
    page.get_by_label("Berkas CSV atau XLSX").set_input_files(str(broken))
    page.get_by_role("button", name="Impor", exact=True).click()
    expect(page.get_by_text("CSV tidak sah di baris")).to_contain_text("berkas mungkin terpotong")
    screenshot(page, "moodle-import-refused")
    assert Competency.objects.count() == count

    page.get_by_label("Berkas CSV atau XLSX").set_input_files(str(MOODLE_FILE))
    page.get_by_role("button", name="Impor", exact=True).click()
    expect(page.get_by_text("64 kompetensi baru")).to_be_visible()
    expect(page.get_by_text("Kerangka Moodle: OECD.")).to_be_visible()
    expect(page.get_by_text("39 pasangan kompetensi terkait ditambahkan.")).to_be_visible()
    screenshot(page, "moodle-import-done")

    assert Competency.objects.count() == count + 64
    assert Competency.objects.get(code="DR-AT1").parent.code == "analytical-thinking"
    assert CompetencyRelation.objects.count() == 39
    assert related_codes("DR-AT1") == ["level-1"]
