"""The default dictionary: the managerial and socio-cultural competencies of PermenPANRB 38/2017
and a set of ICT technical competencies. Loaded by a data migration; HR edits it afterwards."""

# Each level widens the reach of the behaviour, as the Kamus Kompetensi does.
LEVEL_FRAMES = {
    1: "Menerapkan {topic} dalam pekerjaannya sendiri, dengan arahan bila perlu.",
    2: "Menerapkan {topic} secara mandiri dan mengajak rekan kerja melakukannya.",
    3: "Memastikan {topic} diterapkan di unit kerjanya dan membimbing anggota tim.",
    4: "Membangun sistem dan suasana kerja yang mendorong {topic} di seluruh organisasi.",
    5: "Menjadi teladan dan rujukan {topic} di tingkat pemerintah daerah maupun nasional.",
}

COMPETENCIES = [
    # (code, name, kind, definition, topic used in the level indicators)
    (
        "integritas",
        "Integritas",
        "manajerial",
        "Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi, jujur dalam hubungan "
        "dengan atasan, rekan kerja, bawahan dan pemangku kepentingan.",
        "nilai, norma dan etika organisasi",
    ),
    (
        "kerjasama",
        "Kerjasama",
        "manajerial",
        "Kemampuan menjalin, membina dan mempertahankan hubungan kerja yang efektif, berkomitmen saling "
        "membantu dalam penyelesaian tugas.",
        "kerja sama lintas rekan dan unit",
    ),
    (
        "komunikasi",
        "Komunikasi",
        "manajerial",
        "Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis, disertai argumentasi yang "
        "logis, dengan cara yang sesuai baik lisan maupun tertulis.",
        "komunikasi yang jelas dan santun",
    ),
    (
        "orientasi-pada-hasil",
        "Orientasi pada Hasil",
        "manajerial",
        "Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat diandalkan, "
        "bertanggung jawab, dan mampu mengidentifikasi risiko dan peluang.",
        "target kerja yang terukur",
    ),
    (
        "pelayanan-publik",
        "Pelayanan Publik",
        "manajerial",
        "Kemampuan melaksanakan tugas pemerintahan, pembangunan dan kegiatan pemenuhan kebutuhan pelayanan "
        "publik secara profesional, transparan, mengikuti standar pelayanan yang objektif, netral, dan tidak "
        "memihak.",
        "standar pelayanan publik",
    ),
    (
        "pengembangan-diri-dan-orang-lain",
        "Pengembangan Diri dan Orang Lain",
        "manajerial",
        "Kemampuan meningkatkan pengetahuan dan menyempurnakan keterampilan diri, serta menginspirasi orang "
        "lain untuk mengembangkan dan menyempurnakan pengetahuan dan keterampilan.",
        "pengembangan kompetensi",
    ),
    (
        "mengelola-perubahan",
        "Mengelola Perubahan",
        "manajerial",
        "Kemampuan menyesuaikan diri dengan situasi yang baru atau berubah dan tidak bergantung secara "
        "berlebihan pada metode dan proses lama.",
        "penyesuaian terhadap perubahan",
    ),
    (
        "pengambilan-keputusan",
        "Pengambilan Keputusan",
        "manajerial",
        "Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri setelah "
        "mempertimbangkan prinsip kehati-hatian.",
        "pengambilan keputusan berbasis data",
    ),
    (
        "perekat-bangsa",
        "Perekat Bangsa",
        "sosial_kultural",
        "Kemampuan dalam mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan individu/kelompok "
        "masyarakat; mampu menjadi perpanjangan tangan pemerintah dalam mempersatukan masyarakat.",
        "toleransi dan keterbukaan",
    ),
    (
        "tik-literasi-digital",
        "Literasi Digital",
        "teknis",
        "Kemampuan menggunakan perangkat dan layanan digital secara efektif dan beretika dalam pekerjaan.",
        "penggunaan perangkat digital",
    ),
    (
        "tik-aplikasi-perkantoran",
        "Aplikasi Perkantoran",
        "teknis",
        "Kemampuan mengolah dokumen, lembar kerja dan presentasi, serta berbagi berkas secara kolaboratif.",
        "aplikasi perkantoran",
    ),
    (
        "tik-keamanan-informasi",
        "Keamanan Informasi",
        "teknis",
        "Kemampuan melindungi akun, perangkat dan data pribadi dari ancaman siber (phishing, malware, "
        "kebocoran data) sesuai UU Pelindungan Data Pribadi.",
        "keamanan informasi",
    ),
    (
        "tik-pengolahan-data",
        "Pengolahan dan Analisis Data",
        "teknis",
        "Kemampuan mengumpulkan, membersihkan, menganalisis dan menyajikan data untuk mendukung keputusan.",
        "pengolahan data",
    ),
    (
        "tik-layanan-egovernment",
        "Layanan e-Government",
        "teknis",
        "Kemampuan memanfaatkan aplikasi pemerintahan berbasis elektronik (SPBE) kota dan nasional dalam "
        "tugas sehari-hari.",
        "aplikasi SPBE",
    ),
]


def indicators(topic: str) -> dict[str, str]:
    return {f"indicator_{level}": frame.format(topic=topic) for level, frame in LEVEL_FRAMES.items()}
