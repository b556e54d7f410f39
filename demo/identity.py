"""Who the demo node says it is: one place for the names, abstracts and the (fictional)
contact shown by pycsw's GetCapabilities, QGIS Server's capabilities, the landing page and
the seed records. Plain data, importable from both Python environments."""

NODE_ID = "simpul-demo"
TITLE = "Simpul Demo \u2014 Simpul Jaringan Latihan"
TITLE_EN = "Simpul Demo \u2014 training SDI node"
ABSTRACT = (
    "Simpul jaringan latihan untuk bimtek Jaringan Informasi Geospasial Nasional (JIGN): "
    "katalog metadata (CSW), layanan peta (WMS), layanan fitur (WFS, OGC API Features) "
    "dengan data sampel sintetis. Bukan data resmi.\n\n"
    "Training node of Indonesia's national spatial data infrastructure (JIGN): metadata "
    "catalogue (CSW), map service (WMS) and feature services (WFS, OGC API Features) over "
    "synthetic sample data. Not official data."
)
KEYWORDS = ["JIGN", "simpul jaringan", "SDI", "IDSN", "bimtek", "latihan", "Simpul"]

# A fictional provincial planning agency: no real address, telephone or mailbox.
CONTACT = {
    "organisation": "Bappeda Provinsi Contoh (fiktif)",
    "organisation_en": "Example Provincial Planning Agency (fictional)",
    "person": "Admin Simpul Jaringan",
    "position": "Pengelola Simpul Jaringan",
    "address": "Jl. Contoh No. 1",
    "city": "Kota Contoh",
    "province": "Provinsi Contoh",
    "postcode": "00000",
    "country": "Indonesia",
    "phone": "+62-000-0000000",
    "email": "simpul@contoh.invalid",
    "url": "https://example.invalid/simpul",
    "hours": "Senin\u2013Jumat 08.00\u201316.00 WIB",
}
FEES = "Tanpa biaya / no fees"
ACCESS_CONSTRAINTS = "Publik (unclassified) \u2014 data sampel untuk pelatihan / sample data for training"
