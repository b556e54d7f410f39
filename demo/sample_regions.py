"""Region facts used by demo/sample_data.py: outlines, unit seeds, rivers, roads, names.

Coordinates are lon/lat (SRGI2013 ~ WGS 84) and *approximate*: outlines are hand-drawn
polygons of a few dozen vertices around the real region, seeds sit near the real seat or
centre of each unit, and rivers/roads follow their real course only roughly.  The names
are real; the geometry built from these facts is synthetic.

Administrative codes: kabupaten/kota codes (KDPKAB, Kemendagri ``62.01``; KDBBPS, BPS
``6201``) are the published ones; kecamatan BPS codes (KDCBPS) follow the BPS pattern
(kab code + 3 digits) and are illustrative.
"""

# ---------------------------------------------------------------- Kalimantan Tengah
KALTENG_OUTLINE = [
    (110.73, -2.95), (110.95, -3.05), (111.35, -3.02), (111.70, -2.95), (111.95, -3.10),
    (112.20, -3.42), (112.60, -3.38), (112.95, -3.30), (113.25, -3.38), (113.55, -3.40),
    (113.85, -3.45), (114.15, -3.38), (114.45, -3.50), (114.62, -3.20), (114.72, -2.80),
    (115.05, -2.55), (115.30, -2.20), (115.42, -1.75), (115.55, -1.35), (115.75, -1.00),
    (115.85, -0.60), (115.65, -0.20), (115.40, 0.10), (115.10, 0.45), (114.65, 0.72),
    (114.20, 0.80), (113.75, 0.60), (113.35, 0.30), (112.95, -0.05), (112.55, -0.40),
    (112.20, -0.75), (111.80, -0.95), (111.40, -1.10), (111.05, -1.35), (110.85, -1.75),
    (110.75, -2.30),
]

# name: (KDPKAB, KDBBPS, ibukota, [(lon, lat, weight), ...])
KALTENG_KABKOTA = {
    "Kotawaringin Barat": ("62.01", "6201", "Pangkalan Bun", [(111.75, -2.60, 1.0), (111.80, -2.00, 1.0)]),
    "Kotawaringin Timur": ("62.02", "6202", "Sampit",
        [(112.95, -2.90, 1.0), (112.85, -2.25, 1.0), (112.75, -1.60, 1.0)]),
    "Kapuas": ("62.03", "6203", "Kuala Kapuas",
        [(114.35, -2.95, 1.0), (114.35, -2.25, 1.0), (114.30, -1.45, 1.0), (114.20, -0.80, 1.0)]),
    "Barito Selatan": ("62.04", "6204", "Buntok", [(114.85, -2.30, 1.0), (114.85, -1.60, 1.0)]),
    "Barito Utara": ("62.05", "6205", "Muara Teweh", [(115.00, -1.00, 1.0), (115.30, -0.55, 1.0)]),
    "Sukamara": ("62.06", "6206", "Sukamara", [(111.15, -2.70, 1.0)]),
    "Lamandau": ("62.07", "6207", "Nanga Bulik", [(111.25, -1.75, 1.0), (111.55, -1.45, 1.0)]),
    "Seruyan": ("62.08", "6208", "Kuala Pembuang",
        [(112.45, -3.00, 1.0), (112.35, -2.30, 1.0), (112.20, -1.50, 1.0), (112.10, -0.95, 1.0)]),
    "Katingan": ("62.09", "6209", "Kasongan",
        [(113.40, -3.10, 1.0), (113.35, -2.35, 1.0), (113.25, -1.55, 1.0), (113.00, -0.70, 1.0)]),
    "Pulang Pisau": ("62.10", "6210", "Pulang Pisau", [(113.95, -2.95, 1.0), (114.05, -2.50, 0.9)]),
    "Gunung Mas": ("62.11", "6211", "Kuala Kurun", [(113.75, -1.30, 1.0), (113.60, -0.60, 1.0)]),
    "Barito Timur": ("62.12", "6212", "Tamiang Layang", [(115.20, -2.05, 1.0), (115.35, -1.70, 1.0)]),
    "Murung Raya": ("62.13", "6213", "Puruk Cahu",
        [(114.40, 0.10, 1.0), (113.90, 0.40, 1.0), (114.90, 0.30, 1.0)]),
    "Kota Palangka Raya": ("62.71", "6271", "Palangka Raya", [(113.87, -1.95, 0.75)]),
}

# (name, REMARK, [(lon, lat), ...] from upstream to the mouth)
KALTENG_RIVERS = [
    ("Sungai Barito", "Sungai utama", [(114.20, 0.55), (114.55, -0.10), (114.60, -0.60), (114.90, -0.95),
                                       (114.85, -1.40), (114.85, -1.75), (114.75, -2.30), (114.65, -2.80),
                                       (114.60, -3.30)]),
    ("Sungai Kapuas", "Sungai utama", [(114.00, -0.40), (114.10, -1.00), (114.20, -1.70), (114.30, -2.40),
                                       (114.38, -3.00), (114.40, -3.45)]),
    ("Sungai Kahayan", "Sungai utama", [(113.55, -0.50), (113.75, -1.10), (113.90, -1.70), (113.93, -2.20),
                                        (114.05, -2.75), (114.10, -3.35)]),
    ("Sungai Katingan", "Sungai utama", [(112.85, -0.40), (113.10, -1.00), (113.30, -1.60), (113.40, -1.95),
                                         (113.35, -2.60), (113.30, -3.32)]),
    ("Sungai Mentaya", "Sungai utama", [(112.55, -1.30), (112.70, -1.90), (112.95, -2.50), (113.00, -2.90),
                                        (113.05, -3.27)]),
    ("Sungai Seruyan", "Sungai utama", [(112.00, -0.95), (112.20, -1.60), (112.35, -2.30), (112.50, -2.90),
                                       (112.55, -3.36)]),
    ("Sungai Arut", "Anak sungai", [(111.45, -2.30), (111.60, -2.60), (111.72, -2.80), (111.82, -2.98)]),
    ("Sungai Jelai", "Sungai perbatasan", [(110.98, -1.95), (110.95, -2.50), (110.86, -2.96)]),
    ("Sungai Rungan", "Anak sungai", [(113.55, -1.20), (113.70, -1.70), (113.92, -2.15)]),
]

# (name, REMARK, JNSJLN, STSJLN, [(lon, lat), ...])
KALTENG_ROADS = [
    ("Jalan Trans Kalimantan Poros Selatan (Pangkalan Bun - Sampit)", "Jalan Arteri Primer", "Arteri", "Jalan Nasional",
     [(111.63, -2.68), (112.00, -2.60), (112.35, -2.55), (112.65, -2.55), (112.95, -2.53)]),
    ("Jalan Trans Kalimantan Poros Selatan (Sampit - Palangka Raya)", "Jalan Arteri Primer", "Arteri", "Jalan Nasional",
     [(112.95, -2.53), (113.20, -2.20), (113.40, -1.97), (113.65, -2.05), (113.92, -2.21)]),
    ("Jalan Trans Kalimantan Poros Selatan (Palangka Raya - Kuala Kapuas)", "Jalan Arteri Primer", "Arteri", "Jalan Nasional",
     [(113.92, -2.21), (114.10, -2.50), (114.25, -2.75), (114.38, -3.00), (114.60, -3.25)]),
    ("Jalan Tjilik Riwut (Palangka Raya - Kuala Kurun)", "Jalan Kolektor Primer", "Kolektor", "Jalan Provinsi",
     [(113.92, -2.21), (113.85, -1.80), (113.87, -1.40), (113.87, -1.10)]),
    ("Jalan Palangka Raya - Buntok", "Jalan Kolektor Primer", "Kolektor", "Jalan Nasional",
     [(113.92, -2.21), (114.30, -2.05), (114.60, -1.85), (114.85, -1.72)]),
    ("Jalan Buntok - Ampah - Tamiang Layang", "Jalan Kolektor Primer", "Kolektor", "Jalan Nasional",
     [(114.85, -1.72), (115.05, -1.85), (115.20, -2.00)]),
    ("Jalan Muara Teweh - Buntok", "Jalan Kolektor Primer", "Kolektor", "Jalan Nasional",
     [(114.90, -0.95), (114.95, -1.30), (114.85, -1.72)]),
    ("Jalan Muara Teweh - Puruk Cahu", "Jalan Kolektor Primer", "Kolektor", "Jalan Nasional",
     [(114.90, -0.95), (114.70, -0.75), (114.57, -0.60)]),
    ("Jalan Pangkalan Bun - Nanga Bulik", "Jalan Kolektor Primer", "Kolektor", "Jalan Provinsi",
     [(111.63, -2.68), (111.50, -2.30), (111.42, -1.95)]),
]

# (REMARK class, weight) per zone of latitude
KALTENG_LANDCOVER = {
    "pesisir": [("Hutan Rawa Sekunder", 3), ("Semak Belukar Rawa", 2), ("Perkebunan", 2),
                ("Pertanian Lahan Kering Campur Semak", 2), ("Rawa", 1)],
    "tengah": [("Perkebunan", 3), ("Hutan Lahan Kering Sekunder", 3), ("Semak Belukar", 2),
               ("Pertanian Lahan Kering", 1), ("Tanah Terbuka", 1)],
    "hulu": [("Hutan Lahan Kering Primer", 3), ("Hutan Lahan Kering Sekunder", 3),
             ("Semak Belukar", 1), ("Pertambangan", 1)],
}

# ------------------------------------------------------------------- Kabupaten Paser
PASER_OUTLINE = [
    (115.62, -1.55), (115.80, -1.35), (115.95, -1.22), (116.15, -1.20), (116.32, -1.28),
    (116.45, -1.38), (116.50, -1.52), (116.42, -1.68), (116.35, -1.80), (116.33, -1.93),
    (116.38, -2.05), (116.45, -2.15), (116.55, -2.30), (116.52, -2.45), (116.38, -2.55),
    (116.15, -2.60), (115.95, -2.52), (115.85, -2.35), (115.78, -2.15), (115.70, -1.95),
    (115.62, -1.75),
]

# name: (KDCBPS, [(lon, lat, weight)])
PASER_KECAMATAN = {
    "Batu Sopang": ("6401010", [(115.86, -1.95, 1.0)]),
    "Muara Samu": ("6401011", [(115.95, -2.32, 1.0)]),
    "Batu Engau": ("6401020", [(116.15, -2.32, 1.0)]),
    "Tanjung Harapan": ("6401021", [(116.40, -2.32, 1.0), (116.36, -2.12, 0.9)]),
    "Pasir Belengkong": ("6401030", [(116.06, -1.98, 1.0)]),
    "Tanah Grogot": ("6401040", [(116.25, -1.92, 0.9)]),
    "Kuaro": ("6401050", [(116.10, -1.74, 1.0)]),
    "Long Ikis": ("6401060", [(116.32, -1.45, 1.0), (116.30, -1.65, 1.0)]),
    "Muara Komam": ("6401070", [(115.74, -1.65, 1.0)]),
    "Long Kali": ("6401080", [(116.05, -1.34, 1.0), (115.86, -1.45, 1.0)]),
}

PASER_RIVERS = [
    ("Sungai Kandilo", "Sungai utama",
     [(115.72, -1.85), (115.95, -1.90), (116.10, -1.92), (116.20, -1.90), (116.34, -1.93)]),
    ("Sungai Telake", "Sungai utama", [(115.80, -1.30), (116.00, -1.30), (116.20, -1.33), (116.44, -1.42)]),
    ("Sungai Adang", "Sungai utama", [(116.12, -1.58), (116.28, -1.64), (116.41, -1.69)]),
    ("Sungai Samu", "Anak sungai", [(115.88, -2.25), (115.96, -2.10), (116.05, -1.96)]),
    ("Sungai Komam", "Anak sungai", [(115.68, -1.60), (115.78, -1.72), (115.86, -1.88)]),
    ("Sungai Apar", "Sungai utama", [(116.22, -2.22), (116.38, -2.20), (116.50, -2.26)]),
]

PASER_ROADS = [
    ("Jalan Negara Kuaro - Long Ikis - Long Kali", "Jalan Arteri Primer", "Arteri", "Jalan Nasional",
     [(116.12, -1.78), (116.22, -1.60), (116.20, -1.45), (116.10, -1.30), (116.05, -1.21)]),
    ("Jalan Negara Kuaro - Batu Sopang", "Jalan Arteri Primer", "Arteri", "Jalan Nasional",
     [(116.12, -1.78), (116.00, -1.85), (115.90, -1.98), (115.82, -2.10), (115.78, -2.20)]),
    ("Jalan Kuaro - Tanah Grogot", "Jalan Kolektor Primer", "Kolektor", "Jalan Provinsi",
     [(116.12, -1.78), (116.16, -1.85), (116.19, -1.91)]),
    ("Jalan Tanah Grogot - Tanjung Aru", "Jalan Kolektor Primer", "Kolektor", "Jalan Kabupaten",
     [(116.19, -1.91), (116.25, -2.05), (116.30, -2.20), (116.35, -2.40)]),
    ("Jalan Pasir Belengkong - Muara Samu", "Jalan Lokal Primer", "Lokal", "Jalan Kabupaten",
     [(116.05, -1.98), (116.00, -2.15), (115.95, -2.30)]),
    ("Jalan Long Kali - Muara Komam", "Jalan Lokal Primer", "Lokal", "Jalan Kabupaten",
     [(116.05, -1.35), (115.90, -1.50), (115.76, -1.65)]),
]

PASER_LANDUSE = {
    "pesisir": [("Perkebunan Kelapa Sawit", 3), ("Hutan Mangrove Sekunder", 2), ("Tambak", 1),
                ("Sawah", 1), ("Permukiman", 1)],
    "tengah": [("Perkebunan Kelapa Sawit", 4), ("Perkebunan Karet", 2), ("Pertanian Lahan Kering Campur", 2),
               ("Semak Belukar", 1)],
    "barat": [("Hutan Lahan Kering Sekunder", 3), ("Pertambangan", 1), ("Perkebunan Karet", 1),
              ("Semak Belukar", 1)],
}

# --------------------------------------------------------------------- Kota Tangerang
TANGERANG_OUTLINE = [
    (106.575, -6.195), (106.585, -6.165), (106.605, -6.150), (106.625, -6.140), (106.648, -6.133),
    (106.672, -6.131), (106.695, -6.135), (106.705, -6.152), (106.718, -6.170), (106.722, -6.190),
    (106.733, -6.210), (106.735, -6.235), (106.725, -6.250), (106.705, -6.255), (106.685, -6.245),
    (106.662, -6.238), (106.640, -6.232), (106.620, -6.228), (106.600, -6.222), (106.582, -6.212),
]

# name: (KDCBPS, [(lon, lat, weight)], [kelurahan ...])
TANGERANG_KECAMATAN = {
    "Ciledug": ("3671010", [(106.706, -6.232, 1.0)],
                ["Paninggilan", "Paninggilan Utara", "Parung Serab", "Sudimara Barat", "Sudimara Jaya",
                 "Sudimara Selatan", "Sudimara Timur", "Tajur"]),
    "Larangan": ("3671011", [(106.727, -6.236, 0.9)],
                 ["Cipadu", "Cipadu Jaya", "Gaga", "Kreo", "Kreo Selatan", "Larangan Indah",
                  "Larangan Selatan", "Larangan Utara"]),
    "Karangtengah": ("3671012", [(106.716, -6.205, 1.0)],
                     ["Karang Mulya", "Karang Tengah", "Karang Timur", "Parung Jaya", "Pedurenan",
                      "Pondok Bahar", "Pondok Pucung"]),
    "Cipondoh": ("3671020", [(106.690, -6.182, 1.0), (106.676, -6.192, 1.0)],
                 ["Cipondoh", "Cipondoh Indah", "Cipondoh Makmur", "Gondrong", "Kenanga", "Ketapang",
                  "Petir", "Poris Plawad", "Poris Plawad Indah", "Poris Plawad Utara"]),
    "Pinang": ("3671021", [(106.662, -6.222, 1.0)],
               ["Cipete", "Kunciran", "Kunciran Indah", "Kunciran Jaya", "Nerogtog", "Pakojan",
                "Panunggangan", "Panunggangan Timur", "Panunggangan Utara", "Pinang", "Sudimara Pinang"]),
    "Tangerang": ("3671030", [(106.638, -6.183, 1.0)],
                  ["Babakan", "Buaran Indah", "Cikokol", "Kelapa Indah", "Sukaasih", "Sukarasa",
                   "Sukasari", "Tanah Tinggi"]),
    "Karawaci": ("3671031", [(106.617, -6.209, 1.0)],
                 ["Bojong Jaya", "Bugel", "Cimone", "Cimone Jaya", "Gerendeng", "Karawaci", "Karawaci Baru",
                  "Koang Jaya", "Margasari", "Nambo Jaya", "Nusa Jaya", "Pabuaran", "Pabuaran Tumpeng",
                  "Pasar Baru", "Sukajadi", "Sumur Pancing"]),
    "Jatiuwung": ("3671040", [(106.586, -6.201, 1.0)],
                  ["Alam Jaya", "Gandasari", "Jatake", "Keroncong", "Manis Jaya", "Pasir Jaya"]),
    "Cibodas": ("3671041", [(106.606, -6.189, 0.9)],
                ["Cibodas", "Cibodas Baru", "Cibodasari", "Jatiuwung", "Panunggangan Barat", "Uwung Jaya"]),
    "Periuk": ("3671042", [(106.596, -6.168, 1.0)],
               ["Gebang Raya", "Gembor", "Periuk", "Periuk Jaya", "Sangiang Jaya"]),
    "Batuceper": ("3671050", [(106.664, -6.164, 0.9)],
                  ["Batuceper", "Batujaya", "Batusari", "Kebon Besar", "Poris Gaga", "Poris Gaga Baru",
                   "Poris Jaya"]),
    "Neglasari": ("3671051", [(106.631, -6.150, 1.0)],
                  ["Karang Anyar", "Karang Sari", "Kedaung Baru", "Kedaung Wetan", "Mekarsari", "Neglasari",
                   "Selapajang Jaya"]),
    "Benda": ("3671060", [(106.672, -6.143, 1.0), (106.693, -6.150, 1.0)],
              ["Belendung", "Benda", "Jurumudi", "Jurumudi Baru", "Pajang"]),
}

TANGERANG_RIVERS = [
    ("Sungai Cisadane", "Sungai utama",
     [(106.620, -6.270), (106.627, -6.235), (106.632, -6.205), (106.637, -6.180),
                                         (106.628, -6.160), (106.635, -6.120)]),
    ("Kali Angke", "Sungai utama",
     [(106.700, -6.270), (106.710, -6.230), (106.705, -6.200), (106.715, -6.170),
                                    (106.730, -6.140)]),
    ("Kali Pesanggrahan", "Sungai utama", [(106.745, -6.270), (106.732, -6.240), (106.728, -6.215)]),
    ("Kali Sabi", "Anak sungai",
     [(106.575, -6.235), (106.595, -6.215), (106.610, -6.200), (106.630, -6.187)]),
    ("Kali Cirarab", "Anak sungai",
     [(106.570, -6.210), (106.580, -6.190), (106.587, -6.165), (106.582, -6.130)]),
    ("Kali Mookervart", "Saluran",
     [(106.634, -6.173), (106.660, -6.166), (106.690, -6.161), (106.720, -6.159),
                                   (106.750, -6.156)]),
]

TANGERANG_ROADS = [
    ("Jalan Daan Mogot", "Jalan Arteri Primer", "Arteri", "Jalan Nasional",
     [(106.634, -6.177), (106.660, -6.169), (106.690, -6.164), (106.720, -6.162), (106.750, -6.159)]),
    ("Jalan Jenderal Sudirman", "Jalan Arteri Sekunder", "Arteri", "Jalan Kota",
     [(106.630, -6.196), (106.645, -6.191), (106.660, -6.190), (106.675, -6.200)]),
    ("Jalan MH Thamrin", "Jalan Arteri Sekunder", "Arteri", "Jalan Kota",
     [(106.637, -6.212), (106.640, -6.201), (106.645, -6.191)]),
    ("Jalan Gatot Subroto", "Jalan Arteri Primer", "Arteri", "Jalan Nasional",
     [(106.628, -6.186), (106.610, -6.191), (106.590, -6.196), (106.565, -6.201)]),
    ("Jalan Imam Bonjol", "Jalan Kolektor Sekunder", "Kolektor", "Jalan Kota",
     [(106.626, -6.199), (106.611, -6.214), (106.600, -6.230)]),
    ("Jalan KH Hasyim Ashari", "Jalan Kolektor Primer", "Kolektor", "Jalan Provinsi",
     [(106.675, -6.170), (106.690, -6.190), (106.704, -6.214), (106.714, -6.233)]),
    ("Jalan HOS Cokroaminoto", "Jalan Arteri Sekunder", "Arteri", "Jalan Kota",
     [(106.705, -6.231), (106.720, -6.233), (106.745, -6.236)]),
    ("Jalan Raden Saleh", "Jalan Kolektor Sekunder", "Kolektor", "Jalan Kota",
     [(106.704, -6.214), (106.720, -6.206), (106.740, -6.201)]),
    ("Jalan Husein Sastranegara", "Jalan Kolektor Sekunder", "Kolektor", "Jalan Kota",
     [(106.665, -6.166), (106.680, -6.151), (106.700, -6.141)]),
    ("Jalan Marsekal Suryadarma", "Jalan Kolektor Sekunder", "Kolektor", "Jalan Kota",
     [(106.632, -6.166), (106.645, -6.151), (106.655, -6.130)]),
    ("Jalan Perintis Kemerdekaan", "Jalan Kolektor Sekunder", "Kolektor", "Jalan Kota",
     [(106.637, -6.191), (106.650, -6.179), (106.660, -6.169)]),
    ("Jalan Benteng Betawi", "Jalan Kolektor Sekunder", "Kolektor", "Jalan Kota",
     [(106.660, -6.176), (106.675, -6.172), (106.690, -6.171)]),
    ("Jalan Moh. Toha", "Jalan Kolektor Sekunder", "Kolektor", "Jalan Kota",
     [(106.620, -6.181), (106.600, -6.171), (106.583, -6.160)]),
    ("Jalan Tol Jakarta - Tangerang", "Jalan Bebas Hambatan", "Tol", "Jalan Tol",
     [(106.570, -6.207), (106.600, -6.203), (106.630, -6.195), (106.660, -6.197), (106.690, -6.196),
      (106.720, -6.191), (106.750, -6.186)]),
]

# Landmarks of Kota Tangerang for the Windows-1252 Shapefile (real places; note the
# typographic apostrophe and en dash, which cp1252 stores as 0x92 and 0x96, bytes that
# are never valid on their own in UTF-8).
TANGERANG_LANDMARKS = [
    ("Masjid Jami\u2019 Kalipasir", "Cagar budaya \u2013 masjid tertua di Kota Tangerang", (106.6352, -6.1757)),
    ("Klenteng Boen Tek Bio", "Cagar budaya \u2013 klenteng di Pasar Lama", (106.6330, -6.1778)),
    ("Museum Benteng Heritage", "Museum budaya Tionghoa Peranakan \u2013 Pasar Lama", (106.6322, -6.1786)),
    ("Masjid Raya Al-A\u2019zhom", "Masjid raya Kota Tangerang", (106.6405, -6.1770)),
    ("Pintu Air Sepuluh", "Bendung Sungai Cisadane \u2013 cagar budaya", (106.6345, -6.1640)),
    ("Situ Cipondoh", "Situ (danau) \u2013 Kecamatan Cipondoh", (106.6790, -6.1905)),
]
