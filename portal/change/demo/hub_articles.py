"""Demo articles of the change hub, in Bahasa Indonesia, as StreamField data of BaseStreamBlock.

Each spec: slug, title, topic, intro, body, and optionally must_read, deadline_days (from the day of
seeding), target_units and target_positions (codes of the demo organisation).
"""


def heading(text: str, size: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "size": size}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def callout(kind: str, title: str, html: str) -> dict:
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


WHY = {
    "slug": "mengapa-skp-berubah",
    "title": "Mengapa SKP berubah?",
    "topic": "mengapa",
    "must_read": True,
    "deadline_days": 21,
    "intro": (
        "SKP bukan lagi formulir yang diisi di akhir tahun. Peraturan Menteri PANRB Nomor 6 Tahun 2022 "
        "menjadikannya kesepakatan kinerja yang dikelola bersama atasan sepanjang tahun. Inilah alasannya."
    ),
    "body": [
        heading("Nilai yang seragam tidak menolong siapa pun"),
        paragraph(
            "<p>Selama bertahun-tahun, hampir semua pegawai memperoleh nilai SKP yang sama baiknya. Sekilas "
            "menenangkan, tetapi nilai yang seragam tidak membedakan rekan yang bekerja sangat baik dari rekan "
            "yang sebenarnya butuh bantuan. Pegawai tidak tahu apa yang diharapkan darinya, atasan tidak punya "
            "dasar untuk membina, dan hasil penilaian jarang terhubung dengan capaian unit kerja.</p>"
        ),
        heading("Apa yang dikehendaki PermenPANRB 6/2022"),
        paragraph(
            "<p><b>Peraturan Menteri PANRB Nomor 6 Tahun 2022 tentang Pengelolaan Kinerja Pegawai Aparatur "
            "Sipil Negara</b> mengubah cara pandang itu. Kinerja tidak lagi sekadar dinilai, tetapi "
            "<b>dikelola</b> melalui satu siklus:</p>"
            "<ol><li><b>Perencanaan kinerja</b>: SKP disusun bersama atasan; hasil kerja Anda diturunkan dari "
            "sasaran atasan dan unit kerja.</li>"
            "<li><b>Pelaksanaan, pemantauan dan pembinaan</b>: dialog kinerja dan umpan balik berkelanjutan, "
            "bimbingan bila ada kendala.</li>"
            "<li><b>Penilaian kinerja</b>: hasil kerja dan perilaku kerja dinilai terhadap ekspektasi yang "
            "disepakati di awal.</li>"
            "<li><b>Tindak lanjut</b>: penghargaan, pengembangan kompetensi, atau pembinaan.</li></ol>"
        ),
        heading("Bagi Pemerintah Kota Pangkalpinang"),
        paragraph(
            "<p>Pelayanan kepada warga hanya dapat membaik bila setiap pegawai tahu kontribusinya terhadap "
            "sasaran kota. Dengan SKP yang diselaraskan, capaian seorang pranata komputer di Diskominfo atau "
            "petugas layanan di kecamatan terlihat sebagai bagian dari kinerja organisasi, dan kebutuhan "
            "pengembangannya dapat dipenuhi lebih tepat.</p>"
        ),
        callout(
            "info",
            "Intinya",
            "<p>SKP baru adalah alat untuk <b>memperjelas harapan</b>, <b>membicarakan kemajuan</b>, dan "
            "<b>mengarahkan pengembangan</b> Anda; bukan alat untuk mencari kesalahan.</p>",
        ),
    ],
}

WHAT_CHANGES = {
    "slug": "apa-yang-berubah-bagi-saya",
    "title": "Apa yang berubah bagi saya?",
    "topic": "perubahan",
    "intro": (
        "Lima hal yang akan Anda rasakan langsung: ekspektasi yang jelas di awal, dialog kinerja, dua dimensi "
        "penilaian, perilaku BerAKHLAK, dan predikat kinerja."
    ),
    "body": [
        heading("1. Ekspektasi disepakati di awal"),
        paragraph(
            "<p>Di awal periode, atasan menyampaikan apa yang diharapkan dari Anda: hasil kerja beserta "
            "indikator dan targetnya, serta perilaku kerja yang diharapkan. Tanyakan bila ada yang belum jelas. "
            "Ekspektasi yang jelas adalah hak Anda.</p>"
        ),
        heading("2. Dialog kinerja sepanjang tahun"),
        paragraph(
            "<p>Kemajuan dibicarakan secara berkala, bukan hanya di akhir tahun. Dialog kinerja dapat dilakukan "
            "tatap muka maupun daring, singkat tetapi teratur.</p>"
        ),
        heading("3. Dua dimensi: hasil kerja dan perilaku kerja"),
        paragraph(
            "<p>Keduanya dinilai dengan tiga tingkat yang sama: <b>di atas ekspektasi</b>, <b>sesuai "
            "ekspektasi</b>, atau <b>di bawah ekspektasi</b>. Tidak ada lagi angka yang dirata-ratakan.</p>"
        ),
        heading("4. Perilaku kerja berdasarkan BerAKHLAK"),
        paragraph(
            "<p>Perilaku kerja dinilai berdasarkan tujuh nilai dasar ASN: Berorientasi Pelayanan, Akuntabel, "
            "Kompeten, Harmonis, Loyal, Adaptif dan Kolaboratif. Umpan balik dapat datang dari atasan, rekan "
            "kerja, dan masyarakat yang Anda layani.</p>"
        ),
        heading("5. Predikat kinerja"),
        paragraph(
            "<p>Kombinasi rating hasil kerja dan rating perilaku kerja menghasilkan satu predikat: <b>Sangat "
            "Baik</b>, <b>Baik</b>, <b>Butuh Perbaikan</b>, <b>Kurang</b>, atau <b>Sangat Kurang</b>. Perhatikan: "
            "hasil kerja yang tinggi tidak menutupi perilaku yang di bawah ekspektasi.</p>"
        ),
        callout(
            "tip",
            "Yang dapat Anda lakukan mulai minggu ini",
            "<ul><li>Minta salinan SKP Anda dan baca ekspektasinya.</li>"
            "<li>Catat bukti kerja secara sederhana: tanggal, apa yang dikerjakan, hasilnya.</li>"
            "<li>Sepakati jadwal dialog kinerja dengan atasan.</li></ul>",
        ),
    ],
}

TRAINING = {
    "slug": "penilaian-pelatihan-dan-hak-20-jp",
    "title": "Dari penilaian ke pelatihan: hak 20 JP Anda",
    "topic": "keterkaitan",
    "intro": (
        "Hasil penilaian menunjukkan area yang perlu dikembangkan. Kompeten mencocokkannya dengan kursus, dan "
        "setiap kursus yang selesai menambah jam pelajaran (JP) Anda."
    ),
    "body": [
        heading("Setiap PNS berhak atas 20 JP setahun"),
        paragraph(
            "<p>Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen PNS memberi setiap PNS hak dan "
            "kesempatan untuk mengembangkan kompetensi <b>paling sedikit 20 jam pelajaran (JP) setahun</b>. "
            "Satu JP sama dengan 45 menit. Hak ini bukan hadiah; ini bagian dari pekerjaan.</p>"
        ),
        heading("Bagaimana penilaian mengarah ke pelatihan"),
        paragraph(
            "<ol><li>BKPSDM mengimpor hasil penilaian SKP ke Kompeten.</li>"
            "<li>Nilai perilaku yang di bawah ekspektasi dipetakan ke kompetensi. Misalnya <i>Adaptif</i> ke "
            "<i>Mengelola Perubahan</i>, <i>Kolaboratif</i> ke <i>Kerjasama</i> dan <i>Komunikasi</i>.</li>"
            "<li>Selisih antara standar kompetensi jabatan Anda dan level Anda saat ini menjadi "
            "<b>kesenjangan</b>.</li>"
            "<li>Kompeten menyarankan kursus yang menutup kesenjangan itu; BKPSDM dapat menugaskannya dengan "
            "tenggat.</li>"
            "<li>Penilaian periode berikutnya menunjukkan apakah kesenjangan sudah tertutup.</li></ol>"
        ),
        callout(
            "info",
            "Lihat sendiri",
            '<p>Kesenjangan Anda dan kursus yang cocok tampil di halaman <a href="/kompetensi-saya/">'
            'Kompetensi saya</a>; JP tahun ini tercatat di <a href="/dasbor/">dasbor</a>.</p>',
        ),
        heading("Penghargaan juga terhubung"),
        paragraph(
            "<p>Pegawai dengan predikat tinggi mendapat prioritas pengembangan, misalnya pelatihan lanjutan "
            "atau kesempatan tugas belajar, sesuai kebijakan instansi. Pengembangan kompetensi bukan hanya untuk "
            "menutup kekurangan, tetapi juga untuk menyiapkan langkah karier berikutnya.</p>"
        ),
    ],
}

DIALOGUE = {
    "slug": "dialog-kinerja-bersama-atasan",
    "title": "Dialog kinerja bersama atasan: panduan untuk Bidang Aplikasi Informatika",
    "topic": "perubahan",
    "must_read": True,
    "deadline_days": 10,
    "target_units": ["diskominfo-aptika"],
    "intro": (
        "Bidang Aplikasi Informatika memulai dialog kinerja bulanan bulan ini. Baca cara menyiapkannya dan "
        "apa yang akan dibicarakan, lalu konfirmasikan sebelum batas waktu."
    ),
    "body": [
        heading("Apa itu dialog kinerja"),
        paragraph(
            "<p>Dialog kinerja adalah percakapan terjadwal antara Anda dan atasan langsung tentang kemajuan "
            "hasil kerja, perilaku kerja, kendala, dan dukungan yang dibutuhkan. Tujuannya memperbaiki arah "
            "sedini mungkin, bukan menilai di akhir tahun.</p>"
        ),
        heading("Jadwal di bidang kita"),
        paragraph(
            "<ul><li>Setiap <b>minggu pertama</b> tiap bulan, 20–30 menit per pegawai.</li>"
            "<li>Jadwal dibagikan Kepala Bidang melalui grup kerja; boleh daring bila sedang tugas lapangan.</li>"
            "<li>Catatan singkat dialog disimpan bersama SKP Anda.</li></ul>"
        ),
        heading("Siapkan tiga hal"),
        paragraph(
            "<ol><li><b>Kemajuan</b>: capaian terhadap target bulan ini, dengan bukti (tiket yang selesai, "
            "aplikasi yang dirilis, laporan).</li>"
            "<li><b>Kendala</b>: apa yang menghambat, dan bantuan apa yang Anda perlukan.</li>"
            "<li><b>Pengembangan</b>: keterampilan yang ingin Anda tingkatkan; Kompeten dapat menyarankan "
            "kursusnya.</li></ol>"
        ),
        callout(
            "tip",
            "Dialog dua arah",
            "<p>Anda juga boleh memberi masukan kepada atasan: misalnya ekspektasi yang belum jelas, atau cara "
            "kerja tim yang bisa diperbaiki. Semakin jujur dialognya, semakin bermanfaat.</p>",
        ),
        heading("Setelah dialog"),
        paragraph(
            "<p>Atasan mencatat kesepakatan, misalnya penyesuaian target atau pelatihan yang perlu diikuti. "
            "Bila Anda tidak sependapat, sampaikan saat itu juga dengan bukti; catatan dialog dapat memuat "
            "pendapat kedua pihak.</p>"
        ),
    ],
}

BERAKHLAK = {
    "slug": "berakhlak-perilaku-kerja-yang-dinilai",
    "title": "BerAKHLAK: perilaku kerja yang dinilai",
    "topic": "perubahan",
    "intro": (
        "Tujuh nilai dasar ASN menjadi ukuran perilaku kerja. Berikut contoh perilaku yang dapat diamati "
        "untuk setiap nilai."
    ),
    "body": [
        paragraph(
            "<p>BerAKHLAK diluncurkan sebagai nilai dasar ASN pada tahun 2021 dan kini menjadi dasar penilaian "
            "perilaku kerja. Setiap nilai dijabarkan dalam panduan perilaku yang dapat diamati:</p>"
        ),
        paragraph(
            "<ul><li><b>Berorientasi Pelayanan</b>: memahami dan memenuhi kebutuhan masyarakat; ramah, "
            "cekatan, solutif dan dapat diandalkan; melakukan perbaikan tiada henti.</li>"
            "<li><b>Akuntabel</b>: melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan "
            "berintegritas tinggi; menggunakan barang milik negara secara bertanggung jawab; tidak "
            "menyalahgunakan kewenangan jabatan.</li>"
            "<li><b>Kompeten</b>: meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah; "
            "membantu orang lain belajar; melaksanakan tugas dengan kualitas terbaik.</li>"
            "<li><b>Harmonis</b>: menghargai setiap orang apa pun latar belakangnya; suka menolong orang lain; "
            "membangun lingkungan kerja yang kondusif.</li>"
            "<li><b>Loyal</b>: memegang teguh Pancasila, UUD 1945, setia kepada NKRI dan pemerintahan yang sah; "
            "menjaga nama baik sesama ASN, pimpinan, instansi dan negara; menjaga rahasia jabatan.</li>"
            "<li><b>Adaptif</b>: cepat menyesuaikan diri menghadapi perubahan; terus berinovasi dan "
            "mengembangkan kreativitas; bertindak proaktif.</li>"
            "<li><b>Kolaboratif</b>: memberi kesempatan kepada berbagai pihak untuk berkontribusi; terbuka "
            "dalam bekerja sama untuk menghasilkan nilai tambah; menggerakkan pemanfaatan berbagai sumber daya "
            "untuk tujuan bersama.</li></ul>"
        ),
        heading("Ekspektasi khusus dari atasan"),
        paragraph(
            "<p>Atasan dapat menetapkan ekspektasi khusus untuk nilai tertentu agar lebih konkret. Contoh untuk "
            "petugas layanan Disdukcapil, nilai <i>Berorientasi Pelayanan</i>: <i>menjelaskan persyaratan "
            "dokumen sampai warga paham, tanpa menyuruhnya kembali esok hari</i>.</p>"
        ),
        callout(
            "warning",
            "Perilaku tidak dapat ditutup oleh hasil",
            "<p>Dalam matriks predikat, perilaku kerja di bawah ekspektasi menghasilkan predikat <b>Kurang</b> "
            "meskipun hasil kerjanya baik. Integritas dan cara kita melayani sama pentingnya dengan "
            "target.</p>",
        ),
    ],
}

REWARDS = {
    "slug": "penghargaan-dan-sanksi",
    "title": "Penghargaan dan sanksi: tindak lanjut hasil kinerja",
    "topic": "keterkaitan",
    "intro": (
        "Predikat kinerja bukan akhir dari proses. Predikat yang baik membuka penghargaan; predikat yang rendah "
        "lebih dulu ditindaklanjuti dengan pembinaan."
    ),
    "body": [
        heading("Penghargaan"),
        paragraph(
            "<p>Hasil penilaian kinerja menjadi dasar keputusan kepegawaian. Pegawai dengan predikat "
            "<b>Sangat Baik</b> dan <b>Baik</b> dapat memperoleh, sesuai ketentuan dan kebijakan instansi:</p>"
            "<ul><li>prioritas pengembangan kompetensi dan karier;</li>"
            "<li>pertimbangan dalam kenaikan pangkat dan pengisian jabatan;</li>"
            "<li>tambahan penghasilan yang memperhitungkan capaian kinerja;</li>"
            "<li>pengakuan, misalnya sebagai pegawai teladan unit kerja.</li></ul>"
        ),
        heading("Pembinaan lebih dulu"),
        paragraph(
            "<p>Predikat <b>Butuh Perbaikan</b>, <b>Kurang</b> atau <b>Sangat Kurang</b> ditindaklanjuti "
            "dengan pembinaan: bimbingan kinerja oleh atasan, konseling kinerja bila masalahnya di luar "
            "pekerjaan, dan pelatihan yang menutup kesenjangan kompetensi. Tujuannya agar kinerja pulih pada "
            "periode berikutnya.</p>"
        ),
        heading("Sanksi"),
        paragraph(
            "<p>Bila kinerja tetap tidak memenuhi ekspektasi setelah pembinaan, konsekuensinya diatur dalam "
            "peraturan perundang-undangan tentang manajemen dan disiplin PNS, misalnya terhadap tambahan "
            "penghasilan, kenaikan pangkat atau jabatan. Keputusan itu selalu didasarkan pada catatan penilaian "
            "dan pembinaan yang terdokumentasi, bukan pada kesan sesaat.</p>"
        ),
        callout(
            "info",
            "Adil bagi semua",
            "<p>Karena ekspektasi disepakati di awal dan kemajuan dibicarakan sepanjang tahun, tidak ada predikat "
            "yang datang tiba-tiba. Simpan bukti kerja Anda dan manfaatkan dialog kinerja.</p>",
        ),
    ],
}

SUPERVISORS = {
    "slug": "panduan-atasan-menyusun-ekspektasi",
    "title": "Untuk atasan: menyusun ekspektasi dan memberi umpan balik",
    "topic": "lainnya",
    "target_positions": ["kepala-bidang", "kepala-dinas", "camat", "sekretaris-camat"],
    "intro": (
        "Peran atasan menentukan berhasil tidaknya SKP baru. Empat kebiasaan sederhana untuk memimpin dialog "
        "kinerja yang bermanfaat."
    ),
    "body": [
        paragraph(
            "<ol><li><b>Turunkan sasaran, jangan menyalin.</b> Hasil kerja pegawai adalah bagian dari sasaran "
            "Anda, dirumuskan dengan indikator yang dapat diukur.</li>"
            "<li><b>Tulis ekspektasi perilaku yang konkret.</b> Satu atau dua contoh perilaku untuk nilai "
            "BerAKHLAK yang paling relevan dengan tugasnya.</li>"
            "<li><b>Jadwalkan dialog, dan tepati.</b> Dialog singkat tiap bulan lebih berguna daripada satu "
            "pertemuan panjang di akhir tahun.</li>"
            "<li><b>Beri umpan balik segera dan spesifik.</b> Sebutkan perilakunya, dampaknya, dan apa yang "
            "diharapkan berikutnya.</li></ol>"
        ),
        callout(
            "tip",
            "Gunakan Kompeten",
            '<p>Halaman <a href="/tim/">Tim saya</a> menampilkan kesenjangan kompetensi dan kemajuan pelatihan '
            "anggota tim Anda.</p>",
        ),
    ],
}

ARTICLES = [WHY, WHAT_CHANGES, TRAINING, DIALOGUE, BERAKHLAK, REWARDS, SUPERVISORS]
