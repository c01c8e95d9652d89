"""The OpenAPI 3 description of the appraisal API, written by hand (it is small) and checked by a test
against the API's real answers."""

from ..importing.columns import REQUIRED, VALUES

RATING = {
    "type": "string",
    "description": "Di atas ekspektasi, Sesuai ekspektasi atau Di bawah ekspektasi (huruf besar/kecil dan spasi "
    'bebas; juga "diatas"/"dibawah" dan kode di_atas, sesuai, di_bawah).',
    "example": "Sesuai ekspektasi",
}


def _record_schema() -> dict:
    properties = {
        "nip": {
            "type": "string",
            "description": "18 angka. Kirim sebagai teks: angka JSON sebesar ini kehilangan digit di banyak bahasa.",
            "example": "199204202019032001",
        },
        "nama": {"type": "string", "maxLength": 200, "description": "Wajib untuk NIP yang belum terdaftar."},
        "unit_kerja": {"type": "string", "description": "Nama atau kode unit kerja (wajib untuk NIP baru)."},
        "jabatan": {"type": "string", "description": "Nama atau kode jabatan (wajib untuk NIP baru)."},
        "tahun": {"oneOf": [{"type": "integer"}, {"type": "string"}], "example": 2025},
        "periode": {
            "type": "string",
            "description": "Tahunan (atau annual), atau triwulan I, II, III, IV (juga 1–4, Triwulan I, TW I).",
            "example": "Tahunan",
        },
        "hasil_kerja": RATING,
        "perilaku_kerja": RATING,
        "predikat": {
            "type": "string",
            "description": "Sangat Baik, Baik, Butuh Perbaikan, Kurang (juga Kurang/misconduct) atau Sangat Kurang.",
            "example": "Baik",
        },
        **{value: {**RATING, "description": "Tidak wajib. " + RATING["description"]} for value in VALUES},
        "catatan": {"type": "string", "maxLength": 2000},
        "email": {
            "type": "string",
            "format": "email",
            "description": "Tidak wajib. Alamat e-mail pegawai di data BKPSDM (bukti saat mendaftar).",
        },
    }
    return {
        "type": "object",
        "description": "Satu penilaian SKP; kunci sama dengan kolom berkas impor (huruf besar/kecil, spasi dan "
        "garis bawah bebas). Kunci lain diabaikan dengan peringatan.",
        "required": list(REQUIRED),
        "properties": properties,
    }


def _problem_schema() -> dict:
    return {
        "type": "object",
        "required": ["baris", "kolom", "nilai", "pesan"],
        "properties": {
            "baris": {
                "type": "integer",
                "nullable": True,
                "description": "Urutan objek dalam daftar, mulai dari 1 (null: berlaku untuk seluruh permintaan).",
            },
            "kolom": {"type": "string"},
            "nilai": {"type": "string"},
            "pesan": {"type": "string", "description": "Alasan, dalam bahasa Indonesia."},
        },
    }


def _json(schema_ref: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": schema_ref}}}}


def openapi_schema() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "API Penilaian Kompeten",
            "version": "1.0.0",
            "description": "Sistem kepegawaian daerah mengirim hasil penilaian SKP ke Kompeten (Pemerintah Kota "
            "Pangkalpinang). Satu permintaan tersimpan seluruhnya atau tidak sama sekali; mengirim ulang data "
            "yang sama tidak mengubah apa pun (satu penilaian per pegawai, tahun dan periode). Token dibuat oleh "
            "BKPSDM di halaman admin Token API penilaian untuk akun layanan; setiap token punya masa berlaku, "
            "dapat dicabut, dan dibatasi jumlah permintaannya per menit.",
        },
        "servers": [{"url": "/"}],
        "security": [{"tokenAuth": []}],
        "paths": {
            "/api/penilaian/": {
                "post": {
                    "operationId": "kirimPenilaian",
                    "summary": "Kirim penilaian SKP (semua atau tidak sama sekali)",
                    "parameters": [
                        {
                            "name": "uji_coba",
                            "in": "query",
                            "required": False,
                            "description": "1: periksa saja, tanpa menyimpan.",
                            "schema": {"type": "string", "enum": ["0", "1"]},
                        },
                        {
                            "name": "nip_baru_diperiksa",
                            "in": "query",
                            "required": False,
                            "description": (
                                "1: NIP baru yang mirip NIP atau nama pegawai terdaftar sudah diperiksa dan "
                                "dibuat sebagai pegawai baru. Tanpanya, kiriman dengan NIP seperti itu ditolak "
                                "(400) agar salah ketik tidak membuat pegawai kedua."
                            ),
                            "schema": {"type": "string", "enum": ["0", "1"]},
                        },
                    ],
                    "requestBody": {
                        "required": True,
                        "description": "Daftar penilaian; paling besar 10 MB per permintaan.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {"$ref": "#/components/schemas/Penilaian"},
                                }
                            }
                        },
                    },
                    "responses": {
                        "200": _json("#/components/schemas/Hasil", "Tersimpan (atau, pada uji coba, akan tersimpan)."),
                        "400": _json(
                            "#/components/schemas/Galat",
                            "Badan permintaan atau baris tidak sah; tidak ada yang disimpan.",
                        ),
                        "401": _json(
                            "#/components/schemas/Pesan", "Token tidak ada, tidak dikenal, dicabut atau kedaluwarsa."
                        ),
                        "403": _json("#/components/schemas/Pesan", "Token bukan milik akun layanan API."),
                        "413": _json("#/components/schemas/Pesan", "Badan permintaan lebih dari 10 MB."),
                        "429": {
                            **_json(
                                "#/components/schemas/Pesan",
                                "Terlalu banyak permintaan dengan token ini (bawaan 60 per menit); ulangi setelah "
                                "Retry-After detik.",
                            ),
                            "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                        },
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "operationId": "skemaOpenAPI",
                    "summary": "Deskripsi OpenAPI ini",
                    "security": [],
                    "responses": {"200": {"description": "Dokumen OpenAPI 3", "content": {"application/json": {}}}},
                }
            },
        },
        "components": {
            "securitySchemes": {
                "tokenAuth": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": "Isi dengan: Token <kunci>",
                }
            },
            "schemas": {
                "Penilaian": _record_schema(),
                "Masalah": _problem_schema(),
                "Hasil": {
                    "type": "object",
                    "required": [
                        "jumlah",
                        "dibuat",
                        "diperbarui",
                        "tidak_berubah",
                        "pegawai_baru",
                        "uji_coba",
                        "peringatan",
                    ],
                    "properties": {
                        "jumlah": {"type": "integer"},
                        "dibuat": {"type": "integer"},
                        "diperbarui": {"type": "integer"},
                        "tidak_berubah": {"type": "integer"},
                        "pegawai_baru": {"type": "integer", "description": "Pegawai yang dibuat dari NIP baru."},
                        "uji_coba": {"type": "boolean"},
                        "peringatan": {"type": "array", "items": {"$ref": "#/components/schemas/Masalah"}},
                    },
                },
                "Galat": {
                    "type": "object",
                    "required": ["detail", "kesalahan"],
                    "properties": {
                        "detail": {"type": "string"},
                        "kesalahan": {"type": "array", "items": {"$ref": "#/components/schemas/Masalah"}},
                        "peringatan": {"type": "array", "items": {"$ref": "#/components/schemas/Masalah"}},
                    },
                },
                "Pesan": {"type": "object", "required": ["detail"], "properties": {"detail": {"type": "string"}}},
            },
        },
    }
