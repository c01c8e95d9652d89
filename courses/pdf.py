"""The certificate PDF: A4 landscape, with a QR code pointing at the public verification page."""

import io

import segno
from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

BLUE = colors.HexColor("#0a4a7a")
GOLD = colors.HexColor("#f2b705")


def certificate_pdf(*, certificate, verify_url: str) -> bytes:
    """Render the certificate to PDF bytes (fonts built into ReportLab: nothing to install)."""
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height), invariant=1)
    pdf.setTitle(f"Sertifikat {certificate.code}")
    pdf.setAuthor("BKPSDM Kota Pangkalpinang")

    pdf.setStrokeColor(BLUE)
    pdf.setLineWidth(6)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    pdf.setStrokeColor(GOLD)
    pdf.setLineWidth(2)
    pdf.rect(16 * mm, 16 * mm, width - 32 * mm, height - 32 * mm)

    center = width / 2
    pdf.setFillColor(BLUE)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawCentredString(center, height - 34 * mm, "PEMERINTAH KOTA PANGKALPINANG")
    pdf.setFont("Helvetica", 11)
    pdf.drawCentredString(center, height - 41 * mm, "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    pdf.setFont("Helvetica-Bold", 30)
    pdf.drawCentredString(center, height - 62 * mm, _("SERTIFIKAT"))
    pdf.setFillColor(colors.black)
    pdf.setFont("Helvetica", 12)
    pdf.drawCentredString(center, height - 74 * mm, _("diberikan kepada"))
    pdf.setFont("Helvetica-Bold", 22)
    pdf.drawCentredString(center, height - 87 * mm, certificate.holder_name)
    pdf.setFont("Helvetica", 12)
    pdf.drawCentredString(center, height - 95 * mm, f"NIP {certificate.holder_nip}")
    pdf.drawCentredString(center, height - 108 * mm, _("telah menyelesaikan kursus daring"))
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawCentredString(center, height - 118 * mm, certificate.course_title[:90])
    pdf.setFont("Helvetica", 12)
    details = _("%(jp)s JP  ·  selesai %(date)s") % {
        "jp": certificate.jp,
        "date": formats.date_format(certificate.completed_on, "j F Y"),
    }
    if certificate.score is not None:
        details += "  ·  " + _("nilai %(score)s") % {"score": certificate.score}
    pdf.drawCentredString(center, height - 128 * mm, details)

    qr = io.BytesIO()
    segno.make(verify_url, error="m").save(qr, kind="png", scale=6, border=2)
    qr.seek(0)
    size = 34 * mm
    pdf.drawImage(ImageReader(qr), width - 24 * mm - size, 22 * mm, size, size)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(24 * mm, 30 * mm, _("Kode sertifikat: %(code)s") % {"code": certificate.code})
    pdf.drawString(24 * mm, 25 * mm, _("Periksa keaslian: %(url)s") % {"url": verify_url})
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
