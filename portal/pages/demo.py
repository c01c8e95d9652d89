"""Demo content of the site's own pages, for `seed_demo`."""

from .models import HomePage

HOME_BODY = [
    {"type": "heading", "value": {"text": "Bagaimana Kompeten bekerja", "size": "h2"}},
    {
        "type": "features",
        "value": [
            {
                "title": "1. Penilaian SKP",
                "text": "Atasan, rekan dan masyarakat memberi umpan balik; hasil kerja dan perilaku BerAKHLAK dinilai.",
                "link_url": "",
                "link_text": "",
            },
            {
                "title": "2. Kesenjangan kompetensi",
                "text": "Area yang di bawah ekspektasi dipetakan ke kompetensi yang perlu dikembangkan.",
                "link_url": "",
                "link_text": "",
            },
            {
                "title": "3. Pelatihan yang cocok",
                "text": "BKPSDM menugaskan kursus yang tepat; Anda belajar daring dan mengumpulkan JP.",
                "link_url": "/kursus/",
                "link_text": "Lihat katalog",
            },
            {
                "title": "4. Penilaian berikutnya",
                "text": "Penilaian periode berikutnya menunjukkan apakah kesenjangan sudah tertutup.",
                "link_url": "",
                "link_text": "",
            },
        ],
    },
    {
        "type": "callout",
        "value": {
            "kind": "info",
            "title": "Hak 20 JP setiap tahun",
            "text": "<p>Setiap PNS berhak atas paling sedikit 20 jam pelajaran pengembangan kompetensi per tahun. "
            "Kursus di Kompeten dihitung sebagai JP dan tercatat otomatis.</p>",
        },
    },
]


def seed_pages() -> None:
    """Give the home page its demo body, once: an editor's later changes are kept."""
    home = HomePage.objects.first()
    if home is None or home.body:
        return
    home.body = HOME_BODY
    home.save_revision().publish()
