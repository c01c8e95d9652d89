"""What the benchmark's courses contain: topics, levels, lesson bodies (the StreamField shapes of
courses/blocks.py), and the deterministic rules of how many lessons and which are quizzes."""

import datetime

from portal.people.nip import validate_nip

from .scales import Scale

BENCH_USERNAME = "bench.pegawai"
# The measured course is the user's first: the 4th course in tree order (at full scale a 14-lesson
# course rather than the shortest one).
MEASURED_OFFSET = 3
# Stemmed to "aman" by the 'indonesian' configuration: two topics match, 80 courses of 1,000 (1 of 10).
SEARCH_TERM = "keamanan"

TOPICS = [
    ("Keamanan Digital", "tik", "Melindungi akun, perangkat dan data kantor dari ancaman siber."),
    ("Pelayanan Publik Prima", "sosial_kultural", "Standar pelayanan, keluhan warga dan survei kepuasan."),
    ("Microsoft Excel untuk Perkantoran", "tik", "Rumus, tabel pivot dan grafik untuk laporan bulanan."),
    ("Kepemimpinan Pengawas", "manajerial", "Memimpin tim kecil, mendelegasikan dan memberi umpan balik."),
    ("Manajemen Arsip Dinamis", "teknis", "Klasifikasi, retensi dan alih media arsip."),
    ("Penyusunan SKP", "perubahan", "Menyusun rencana hasil kerja dan indikator kinerja yang terukur."),
    ("Pengadaan Barang dan Jasa", "teknis", "Prosedur e-katalog, swakelola dan tender sederhana."),
    ("Komunikasi Efektif", "sosial_kultural", "Menulis surat dinas, rapat yang efektif dan presentasi."),
    ("Budaya Kerja BerAKHLAK", "perubahan", "Nilai dasar ASN dalam pekerjaan sehari-hari."),
    ("Analisis Data Sederhana", "tik", "Membersihkan data, statistik deskriptif dan visualisasi."),
    ("Manajemen Risiko", "manajerial", "Mengenali, menilai dan mengendalikan risiko unit kerja."),
    ("Penulisan Naskah Dinas", "teknis", "Tata naskah dinas sesuai pedoman terbaru."),
    ("Pelayanan Inklusif", "sosial_kultural", "Melayani warga penyandang disabilitas dan kelompok rentan."),
    ("Perencanaan Anggaran", "manajerial", "Rencana kerja dan anggaran berbasis kinerja."),
    ("Tanda Tangan Elektronik", "tik", "Sertifikat elektronik dan alur persetujuan dokumen digital."),
    ("Etika dan Integritas ASN", "perubahan", "Konflik kepentingan, gratifikasi dan pelaporan pelanggaran."),
    ("Kearsipan Digital", "tik", "Sistem informasi kearsipan dinamis terintegrasi."),
    ("Manajemen Kinerja", "manajerial", "Dialog kinerja, coaching dan evaluasi berkala."),
    ("Kesehatan dan Keselamatan Kerja", "teknis", "Lingkungan kerja aman dan tanggap darurat."),
    ("Inovasi Pelayanan", "perubahan", "Merancang dan menguji inovasi layanan publik."),
    ("Penanganan Pengaduan", "sosial_kultural", "Alur pengaduan, tindak lanjut dan pelaporan."),
    ("Statistik Sektoral", "tik", "Satu data Indonesia di tingkat kota."),
    ("Pengelolaan Barang Milik Daerah", "teknis", "Inventarisasi, pemeliharaan dan penghapusan aset."),
    ("Coaching dan Mentoring", "manajerial", "Mengembangkan kompetensi rekan kerja."),
    ("Literasi Regulasi", "teknis", "Membaca dan menerapkan peraturan perundang-undangan."),
]
LEVELS = ["dasar", "menengah", "lanjut"]

READING = [
    {"type": "heading", "value": {"text": "Tujuan pembelajaran", "size": "h2"}},
    {"type": "paragraph", "value": "<p>Setelah pelajaran ini Anda mampu menerapkan prosedur yang dibahas.</p>"},
    {
        "type": "paragraph",
        "value": "<p>Bacalah contoh kasus berikut dengan saksama, lalu catat langkah yang perlu diambil "
        "di unit kerja Anda. <b>Perhatikan</b> tenggat dan pihak yang terlibat.</p><ul><li>Langkah satu</li>"
        "<li>Langkah dua</li><li>Langkah tiga</li></ul>",
    },
    {
        "type": "callout",
        "value": {"kind": "tip", "title": "Tips", "text": "<p>Simpan catatan Anda untuk kuis berikutnya.</p>"},
    },
]
QUIZ = [
    {"type": "paragraph", "value": "<p>Jawab pertanyaan berikut.</p>"},
    {
        "type": "single_choice",
        "value": {
            "question": "Apa yang dilakukan saat menerima tautan mencurigakan?",
            "choices": [
                {"text": "Mengekliknya", "is_correct": False},
                {"text": "Melaporkannya ke tim TIK", "is_correct": True},
                {"text": "Meneruskannya ke rekan", "is_correct": False},
            ],
            "feedback_correct": "Tepat.",
            "feedback_incorrect": "Jangan klik tautan mencurigakan.",
        },
    },
    {
        "type": "multiple_choice",
        "value": {
            "question": "Mana saja ciri kata sandi yang kuat?",
            "choices": [
                {"text": "Minimal 12 karakter", "is_correct": True},
                {"text": "Tanggal lahir sendiri", "is_correct": False},
                {"text": "Berbeda untuk setiap aplikasi", "is_correct": True},
            ],
            "feedback_correct": "Benar.",
            "feedback_incorrect": "Kata sandi yang kuat panjang dan unik.",
        },
    },
    {
        "type": "true_false",
        "value": {
            "question": "Kata sandi boleh dibagikan ke rekan satu bidang.",
            "answer": "salah",
            "feedback_correct": "Benar, jangan dibagikan.",
            "feedback_incorrect": "Kata sandi bersifat pribadi.",
        },
    },
]
COURSE_BODY = [
    {"type": "heading", "value": {"text": "Tentang kursus ini", "size": "h2"}},
    {"type": "paragraph", "value": "<p>Kursus daring mandiri; setiap pelajaran diakhiri latihan singkat.</p>"},
]


def lesson_count(scale: Scale, course_index: int) -> int:
    spread = scale.lessons_max - scale.lessons_min + 1
    return scale.lessons_min + (course_index * 7) % spread


def is_quiz(lesson_index: int) -> bool:
    """The second lesson of every course is a quiz (the measured lesson), then every fourth."""
    return lesson_index == 1 or lesson_index % 4 == 3


def valid_nip(i: int) -> str:
    birth = datetime.date(1968, 1, 1) + datetime.timedelta(days=i * 3)  # unique per i
    start_year = min(birth.year + 22 + i % 9, 2024)
    nip = f"{birth:%Y%m%d}{start_year}{1 + i % 12:02d}{1 + i % 2}{i % 1000:03d}"
    validate_nip(nip)
    return nip
