"""Demo material of the change hub, for `seed_demo`: articles, the FAQ, stories and a guide.

Idempotent: a page whose slug already exists under the hub is left as it is (an editor's later
changes are kept). Every page is published through a revision, as an editor's would be. The demo
`pegawai` ends with one must-read confirmed (the one for everyone) and one pending (their unit's).
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from portal.people.models import Employee, Position, Unit, User

from ..models import Acknowledgement, ChangeArticlePage, ChangeHubPage, FAQPage, GuidePage, StoryPage
from ..services.reading import acknowledgement_record
from .hub_articles import ARTICLES, WHY
from .hub_material import FAQ, GUIDE, HUB_BODY, STORIES

FEATURED_COURSE_SLUG = "perubahan-sistem-manajemen-kinerja"
PEGAWAI_NIP = "199204202019032011"


def seed() -> None:
    """Fill the hub with the demo material once, and give the demo `pegawai` their reading state."""
    hub = ChangeHubPage.objects.first()
    if hub is None:
        return  # the hub is made by a migration; without it there is nothing to fill
    publisher = User.objects.filter(username="hr").first()
    with transaction.atomic():
        _hub_update(hub, publisher)
    existing = set(Page.objects.child_of(hub).values_list("slug", flat=True))
    units = {unit.code: unit for unit in Unit.objects.all()}
    positions = {position.code: position for position in Position.objects.all()}
    today = timezone.localdate()

    for spec in ARTICLES:
        if spec["slug"] in existing:
            continue
        article = ChangeArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            topic=spec["topic"],
            body=spec["body"],
            must_read=spec.get("must_read", False),
            must_read_deadline=today + datetime.timedelta(days=spec["deadline_days"])
            if spec.get("deadline_days")
            else None,
        )
        _targets(article, spec, units, positions)
        _publish(hub, article, publisher)

    if FAQ["slug"] not in existing:
        _publish(hub, FAQPage(title=FAQ["title"], slug=FAQ["slug"], intro=FAQ["intro"], body=FAQ["body"]), publisher)
    for spec in STORIES:
        if spec["slug"] not in existing:
            story = StoryPage(**{key: spec[key] for key in ("slug", "title", "person_name", "person_role", "quote")})
            story.body = spec["body"]
            _publish(hub, story, publisher)
    if GUIDE["slug"] not in existing:
        guide = GuidePage(
            title=GUIDE["title"], slug=GUIDE["slug"], intro=GUIDE["intro"], body=GUIDE["body"], document=_guide_pdf()
        )
        _publish(hub, guide, publisher)

    _pegawai_reads()


def _hub_update(hub: ChangeHubPage, publisher) -> None:
    """Point the hub at the seeded micro-course and give it a closing note, unless an editor did."""
    if hub.featured_course_id or hub.body:
        return
    course = Page.objects.filter(slug=FEATURED_COURSE_SLUG).first()
    hub.featured_course = course
    hub.body = HUB_BODY
    hub.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)


def _targets(page, spec: dict, units: dict, positions: dict) -> None:
    page.target_units = [units[code] for code in spec.get("target_units", []) if code in units]
    page.target_positions = [positions[code] for code in spec.get("target_positions", []) if code in positions]


@transaction.atomic
def _publish(hub: ChangeHubPage, page: Page, publisher) -> None:
    """Add `page` under the hub as a draft, then publish it through a revision (its history starts there)."""
    page.live = False
    page.owner = publisher
    page.body.stream_block.clean(page.body)  # as the page editor would validate it
    hub.add_child(instance=page)
    page.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)


def _guide_pdf():
    """The guide as a small PDF, stored as a Wagtail document (reused when it already exists)."""
    document_model = get_document_model()
    existing = document_model.objects.filter(title=GUIDE["document_title"]).first()
    if existing is not None:
        return existing
    document = document_model(title=GUIDE["document_title"], collection=Collection.get_first_root_node())
    document.file.save(GUIDE["filename"], ContentFile(guide_pdf_bytes()), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def guide_pdf_bytes() -> bytes:
    """Render the guide (A4, fonts built into ReportLab: nothing to install)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=GUIDE["document_title"],
        author="BKPSDM Kota Pangkalpinang",
    )
    styles = getSampleStyleSheet()
    blue = colors.HexColor("#0a4a7a")
    title = ParagraphStyle("title", parent=styles["Title"], textColor=blue, alignment=0)
    heading = ParagraphStyle("heading", parent=styles["Heading2"], textColor=blue)
    story = [
        Paragraph("PEMERINTAH KOTA PANGKALPINANG · BKPSDM", styles["Normal"]),
        Paragraph(GUIDE["document_title"], title),
        Paragraph(GUIDE["intro"], styles["BodyText"]),
        Spacer(1, 4 * mm),
    ]
    for section, points in GUIDE["sections"]:
        story.append(Paragraph(section, heading))
        story.append(
            ListFlowable(
                [ListItem(Paragraph(point, styles["BodyText"]), leftIndent=12) for point in points],
                bulletType="bullet",
                start="•",
            )
        )
    story += [
        Spacer(1, 6 * mm),
        Paragraph(
            "Dasar: Peraturan Menteri PANRB Nomor 6 Tahun 2022 tentang Pengelolaan Kinerja Pegawai ASN. "
            "Materi lengkap: portal Kompeten, menu Perubahan.",
            styles["Italic"],
        ),
    ]
    doc.build(story)
    return buffer.getvalue()


def _pegawai_reads() -> None:
    """The demo employee confirmed the must-read for everyone two days ago; their unit's is pending."""
    employee = Employee.objects.filter(nip=PEGAWAI_NIP).first()
    article = ChangeArticlePage.objects.live().filter(slug=WHY["slug"]).first()
    if employee is None or article is None or not article.must_read:
        return
    acknowledgement, created = acknowledgement_record(employee=employee, article=article)
    if created:
        Acknowledgement.objects.filter(pk=acknowledgement.pk).update(
            acknowledged_at=timezone.now() - datetime.timedelta(days=2, hours=3)
        )
