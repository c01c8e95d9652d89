"""The counter poster of a service point: A4 portrait, black on white for any office printer, with a
large QR code of the survey form and its address written out for those who type it."""

import io
from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

BLUE = colors.HexColor("#0a4a7a")
GOLD = colors.HexColor("#f2b705")
INK = colors.HexColor("#111111")
GREY = colors.HexColor("#444444")
BOLD, REGULAR = "Helvetica-Bold", "Helvetica"
QR_ERROR = "q"  # a poster at a counter gets scuffed and taped over: a quarter of it may be lost
QR_QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def form_address(point, *, base_url: str) -> str:
    """The absolute address of the service point's survey form: what the QR code holds."""
    return base_url.rstrip("/") + point.get_absolute_url()


def short_address(point, *, base_url: str) -> str:
    """The form's address as a person types it: no scheme, no trailing slash (the site adds it)."""
    parts = urlsplit(form_address(point, base_url=base_url))
    return (parts.netloc + parts.path).rstrip("/")


def qr_code(address: str) -> segno.QRCode:
    """The QR code of an address (a full-size code: phones' cameras read Micro QR badly)."""
    return segno.make(address, error=QR_ERROR, micro=False)


def _fit(text: str, font: str, largest: float, smallest: float, width: float) -> tuple[float, list[str]]:
    """The largest font size (down to `smallest`) at which `text` fits `width` in at most two lines."""
    size = largest
    while True:
        lines = simpleSplit(text, font, size, width)
        if len(lines) <= 2 or size <= smallest:
            return size, lines
        size -= 1


def _address_lines(address: str, size: float, width: float) -> list[str]:
    """An address too wide for one line is broken after a slash, never inside a word."""
    if stringWidth(address, BOLD, size) <= width:
        return [address]
    cut = address.rfind("/", 0, len(address) - 1)
    while cut > 0 and stringWidth(address[: cut + 1], BOLD, size) > width:
        cut = address.rfind("/", 0, cut)
    return [address[: cut + 1], address[cut + 1 :]] if cut > 0 else [address]


def _centred_lines(pdf, lines: list[str], font: str, size: float, centre: float, top: float, leading=1.2) -> float:
    """Draw lines centred under `top`; return the baseline below the last one."""
    pdf.setFont(font, size)
    y = top - size
    for line in lines:
        pdf.drawCentredString(centre, y, line)
        y -= size * leading
    return y + size * leading - size * 0.35


def _header(pdf, width: float, height: float) -> float:
    band = 26 * mm
    pdf.setFillColor(BLUE)
    pdf.rect(0, height - band, width, band, stroke=0, fill=1)
    pdf.setFillColor(GOLD)
    pdf.rect(0, height - band - 2 * mm, width, 2 * mm, stroke=0, fill=1)
    pdf.setFillColor(colors.white)
    pdf.setFont(BOLD, 15)
    pdf.drawCentredString(width / 2, height - 11 * mm, _("PEMERINTAH KOTA PANGKALPINANG"))
    pdf.setFont(REGULAR, 11)
    pdf.drawCentredString(
        width / 2,
        height - 18.5 * mm,
        _("%(portal)s · Survei Kepuasan Masyarakat") % {"portal": settings.WAGTAIL_SITE_NAME},
    )
    return height - band - 2 * mm


def _qr(pdf, address: str, centre: float, top: float, size: float) -> float:
    png = io.BytesIO()
    # Ten pixels a module: sharp edges however the printer scales it (viewers do not smooth it).
    qr_code(address).save(png, kind="png", scale=10, border=QR_QUIET_ZONE)
    png.seek(0)
    pdf.drawImage(ImageReader(png), centre - size / 2, top - size, size, size)
    pdf.setStrokeColor(INK)
    pdf.setLineWidth(1.5)
    pdf.roundRect(centre - size / 2 - 2 * mm, top - size - 2 * mm, size + 4 * mm, size + 4 * mm, 4 * mm)
    return top - size - 2 * mm


def _steps(pdf, left: float, width: float, top: float) -> float:
    steps = (
        _("Pindai kode QR dengan kamera ponsel Anda."),
        _("Jawab 9 pertanyaan singkat, kurang dari 2 menit."),
        _("Kirim. Tanpa nama: jawaban Anda anonim."),
    )
    gap = 6 * mm
    column = (width - 2 * gap) / 3
    radius = 5.5 * mm
    lowest = top
    for number, text in enumerate(steps, start=1):
        x = left + (number - 1) * (column + gap)
        pdf.setFillColor(BLUE)
        pdf.circle(x + radius, top - radius, radius, stroke=0, fill=1)
        pdf.setFillColor(colors.white)
        pdf.setFont(BOLD, 15)
        pdf.drawCentredString(x + radius, top - radius - 5, str(number))
        pdf.setFillColor(INK)
        pdf.setFont(REGULAR, 12)
        y = top - 4.5 * mm
        for line in simpleSplit(text, REGULAR, 12, column - 2 * radius - 3 * mm):
            pdf.drawString(x + 2 * radius + 3 * mm, y, line)
            y -= 14.5
        lowest = min(lowest, y, top - 2 * radius)
    return lowest


def service_point_poster_pdf(point, *, base_url: str) -> bytes:
    """The printable A4 poster of a service point, in the active language: the question, the
    service, a large QR code of its survey form, the address written out, and three steps.
    `base_url`: the portal's public address (e.g. settings.WAGTAILADMIN_BASE_URL)."""
    address = form_address(point, base_url=base_url)
    buffer = io.BytesIO()
    width, height = A4
    margin = 18 * mm
    inner = width - 2 * margin
    centre = width / 2
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(_("Poster survei kepuasan: %(service)s") % {"service": point.name})
    pdf.setAuthor(_("Pemerintah Kota Pangkalpinang"))

    y = _header(pdf, width, height) - 12 * mm
    pdf.setFillColor(INK)
    size, lines = _fit(_("Bagaimana layanan kami hari ini?"), BOLD, 36, 24, inner)
    y = _centred_lines(pdf, lines, BOLD, size, centre, y, leading=1.1) - 7 * mm

    pdf.setFillColor(BLUE)
    size, lines = _fit(point.name, BOLD, 22, 14, inner)
    y = _centred_lines(pdf, lines, BOLD, size, centre, y) - 1 * mm
    pdf.setFillColor(GREY)
    size, lines = _fit(point.unit.name, REGULAR, 14, 10, inner)
    y = _centred_lines(pdf, lines, REGULAR, size, centre, y) - 6 * mm

    # The lower half is laid out from the bottom up, so a long service name shrinks the QR code
    # (down to 70 mm, still easy to scan from a metre) instead of pushing the steps off the page.
    steps_top = 56 * mm
    pdf.setStrokeColor(GOLD)
    pdf.setLineWidth(2)
    pdf.line(margin, steps_top + 6 * mm, width - margin, steps_top + 6 * mm)
    _steps(pdf, margin, inner, steps_top)

    short = short_address(point, base_url=base_url)
    size = 22
    while size > 14 and stringWidth(short, BOLD, size) > inner:
        size -= 1
    lines = _address_lines(short, size, inner)
    address_top = steps_top + 14 * mm + len(lines) * size * 1.2
    pdf.setFillColor(INK)
    _centred_lines(pdf, lines, BOLD, size, centre, address_top)
    pdf.setFont(REGULAR, 11)
    pdf.drawCentredString(centre, address_top + 4, _("Tidak bisa memindai? Ketik alamat ini di peramban:"))

    room = y - (address_top + 16 * mm)
    size = max(70 * mm, min(108 * mm, room))
    _qr(pdf, address, centre, y - max(0, room - size) / 2, size)

    pdf.setFillColor(INK)
    pdf.setFont(BOLD, 11)
    pdf.drawCentredString(
        centre, 24 * mm, _("Survei ini anonim: kami tidak meminta nama, NIK, atau nomor telepon Anda.")
    )
    pdf.setFillColor(GREY)
    pdf.setFont(REGULAR, 8.5)
    pdf.drawCentredString(
        centre,
        17 * mm,
        _("Survei Kepuasan Masyarakat menurut Peraturan Menteri PANRB Nomor 14 Tahun 2017 · kode layanan: %(code)s")
        % {"code": point.code},
    )
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
