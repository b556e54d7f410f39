<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
  <context>
    <name>Simpul</name>
    <message>
      <location filename="../sdi_plugin/plugin.py" />
      <source>&amp;Simpul SDI</source>
      <translation>&amp;Simpul SDI</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/plugin.py" />
      <source>Simpul panel</source>
      <translation>Panel Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/plugin.py" />
      <source>Show or hide the Simpul panel: discover, validate, describe and publish data of the JIGN network</source>
      <translation>Tampilkan atau sembunyikan panel Simpul: temukan, validasi, deskripsikan, dan publikasikan data jaringan JIGN</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <location filename="../sdi_plugin/plugin.py" />
      <source>Simpul</source>
      <translation>Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/plugin.py" />
      <source>Simpul loaded (language: {lang}).</source>
      <translation>Simpul dimuat (bahasa: {lang}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/plugin.py" />
      <source>Simpul language: {lang}.</source>
      <translation>Bahasa Simpul: {lang}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/http.py" />
      <source>the server answered HTTP {status}</source>
      <translation>server menjawab HTTP {status}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/http.py" />
      <source>not a web address (http or https): {url}</source>
      <translation>bukan alamat web (http atau https): {url}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/http.py" />
      <source>the authentication configuration {id} could not be applied</source>
      <translation>konfigurasi autentikasi {id} tidak dapat diterapkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/http.py" />
      <source>no answer within {seconds:g} s</source>
      <translation>tidak ada jawaban dalam {seconds:g} detik</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/http.py" />
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <location filename="../sdi_plugin/core/nodeinfo.py" />
      <source>canceled</source>
      <translation>dibatalkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/http.py" />
      <source>the answer is larger than {mb:g} MB</source>
      <translation>jawaban lebih besar dari {mb:g} MB</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/http.py" />
      <source>network error</source>
      <translation>galat jaringan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>non-empty text</source>
      <translation>teks yang tidak kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>a non-empty list</source>
      <translation>daftar yang tidak kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>a positive whole number</source>
      <translation>bilangan bulat positif</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>true or false</source>
      <translation>true atau false</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <location filename="../sdi_plugin/core/standards.py" />
      <source>an object</source>
      <translation>objek</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>a positive whole number or null</source>
      <translation>bilangan bulat positif atau null</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>the FCODE is empty</source>
      <translation>FCODE kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>the layer name is empty</source>
      <translation>nama layer kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <location filename="../sdi_plugin/core/standards.py" />
      <source>{path} must be {expected}</source>
      <translation>{path} harus berupa {expected}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <location filename="../sdi_plugin/core/standards.py" />
      <source>{path}: {value} appears twice</source>
      <translation>{path}: {value} muncul dua kali</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <location filename="../sdi_plugin/core/standards.py" />
      <source>{path} is missing</source>
      <translation>{path} tidak ada</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>{path}: {value} is not one of {allowed}</source>
      <translation>{path}: {value} bukan salah satu dari {allowed}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>{name} is not of the form THEME_GEOMETRY_SCALE (letters, digits and underscores)</source>
      <translation>{name} tidak mengikuti pola THEME_GEOMETRY_SCALE (huruf, angka, dan garis bawah)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>{name} has no geometry part ({tokens})</source>
      <translation>{name} tidak memiliki bagian geometri ({tokens})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>{name} has no theme before its geometry part</source>
      <translation>{name} tidak memiliki tema sebelum bagian geometrinya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>an FCODE has {length} characters (2 letters and 8 digits); {code} has {count}</source>
      <translation>FCODE terdiri atas {length} karakter (2 huruf dan 8 angka); {code} memiliki {count}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>{path}: the FCODE says {expected} but the entry says {actual}</source>
      <translation>{path}: menurut FCODE {expected}, tetapi entri menyebut {actual}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>an FCODE starts with two capital letters: {code}</source>
      <translation>FCODE diawali dua huruf kapital: {code}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>FCODE {code} is malformed: {reason}</source>
      <translation>FCODE {code} tidak valid: {reason}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>FCODE {code} is not in the catalogue</source>
      <translation>FCODE {code} tidak ada dalam katalog</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>layer name {name} matches several feature types: {codes}</source>
      <translation>nama layer {name} cocok dengan beberapa unsur: {codes}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>no feature type matches layer name {name}</source>
      <translation>tidak ada unsur yang cocok dengan nama layer {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>an FCODE ends with eight digits: {code}</source>
      <translation>FCODE diakhiri delapan angka: {code}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>the layer name says {layer} but FCODE {code} is {geometry}</source>
      <translation>nama layer menyebut {layer}, tetapi FCODE {code} adalah {geometry}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>{letter} is not a KUGI category letter ({letters})</source>
      <translation>{letter} bukan huruf kategori KUGI ({letters})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>characters 3-4 of {code} give the geometry ({allowed}), not {digits}</source>
      <translation>karakter 3-4 dari {code} menyatakan geometri ({allowed}), bukan {digits}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi.py" />
      <source>characters 5-6 of {code} give the scale ({allowed}), not {digits}</source>
      <translation>karakter 5-6 dari {code} menyatakan skala ({allowed}), bukan {digits}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>the list of categories</source>
      <translation>daftar kategori</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>the previous catalogue is kept</source>
      <translation>katalog sebelumnya tetap dipakai</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>no catalogue was written</source>
      <translation>tidak ada katalog yang ditulis</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>checking the new catalogue</source>
      <translation>pemeriksaan katalog baru</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>the KUGI API listed no categories</source>
      <translation>API KUGI tidak memberikan satu kategori pun</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>writing {path}</source>
      <translation>penulisan {path}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>attribute {name}: unknown type {type}, read as String</source>
      <translation>atribut {name}: tipe {type} tidak dikenal, dibaca sebagai String</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>the KUGI cache is never written into the plugin's own folder: {path}</source>
      <translation>cache KUGI tidak pernah ditulis ke folder plugin sendiri: {path}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>category {name} (fcid {id})</source>
      <translation>kategori {name} (fcid {id})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>feature type {code}</source>
      <translation>unsur {code}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>{url}: {error}</source>
      <translation>{url}: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>{url} sent a web page or XML, not JSON</source>
      <translation>{url} mengirim halaman web atau XML, bukan JSON</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>{url} answered JSON that is not a list of rows</source>
      <translation>{url} menjawab dengan JSON yang bukan daftar baris</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>KUGI refresh failed at {step}: {error}; {kept}</source>
      <translation>Pembaruan KUGI gagal pada {step}: {error}; {kept}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>no answer</source>
      <translation>tidak ada jawaban</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>{url} did not answer valid JSON: {error}</source>
      <translation>{url} tidak menjawab dengan JSON yang valid: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/kugi_api.py" />
      <source>KUGI refresh canceled; {kept}</source>
      <translation>Pembaruan KUGI dibatalkan; {kept}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodeinfo.py" />
      <source>an OGC API without Features or Records conformance</source>
      <translation>OGC API tanpa kesesuaian (conformance) Features atau Records</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodeinfo.py" />
      <source>not CSW capabilities</source>
      <translation>bukan capabilities CSW</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodeinfo.py" />
      <source>not WMTS capabilities</source>
      <translation>bukan capabilities WMTS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodeinfo.py" />
      <source>the answer is not JSON</source>
      <translation>jawaban bukan JSON</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodeinfo.py" />
      <source>no OGC API conformance link</source>
      <translation>tidak ada tautan conformance OGC API</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodeinfo.py" />
      <source>not an ArcGIS REST services directory</source>
      <translation>bukan direktori layanan ArcGIS REST</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodeinfo.py" />
      <source>not a CKAN Action API</source>
      <translation>bukan CKAN Action API</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodeinfo.py" />
      <source>not {kind} capabilities (root element {name})</source>
      <translation>bukan capabilities {kind} (elemen akar {name})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodeinfo.py" />
      <source>not a web address (http or https)</source>
      <translation>bukan alamat web (http atau https)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodeinfo.py" />
      <source>the server answered with an OGC exception: {text}</source>
      <translation>server menjawab dengan exception OGC: {text}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>the file does not exist</source>
      <translation>berkas tidak ada</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>the layer has no coordinate reference system</source>
      <translation>layer tidak memiliki sistem referensi koordinat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>Standards file {file}: {problem}</source>
      <translation>Berkas standar {file}: {problem}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>{name} ({code}) is SRGI2013, the national reference system</source>
      <translation>{name} ({code}) adalah SRGI2013, sistem referensi nasional</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>the file is larger than {mb:g} MB</source>
      <translation>berkas lebih besar dari {mb:g} MB</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>the file could not be read: {error}</source>
      <translation>berkas tidak dapat dibaca: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>the file is not UTF-8: {error}</source>
      <translation>berkas bukan UTF-8: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>the file is not valid JSON: {error}</source>
      <translation>berkas bukan JSON yang valid: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>{code} is not a reference system for Indonesian SDI data; use SRGI2013 ({target})</source>
      <translation>{code} bukan sistem referensi untuk data geospasial Indonesia; gunakan SRGI2013 ({target})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>{name} ({code}) is accepted, but SRGI2013 is the national reference system: consider {target}</source>
      <translation>{name} ({code}) diterima, tetapi sistem referensi nasional adalah SRGI2013: pertimbangkan {target}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>{path}: {value} is not among the listed systems</source>
      <translation>{path}: {value} tidak termasuk sistem yang terdaftar</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>{name} ({code}) uses the legacy datum {datum}: transform it to {target} with {transformation}</source>
      <translation>{name} ({code}) memakai datum lama {datum}: transformasikan ke {target} dengan {transformation}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>{name} ({code}) is not a reference system for Indonesian SDI data</source>
      <translation>{name} ({code}) bukan sistem referensi untuk data geospasial Indonesia</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards.py" />
      <source>{path}: {value} is not a valid XPath ({error})</source>
      <translation>{path}: {value} bukan XPath yang valid ({error})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/xmlsafe.py" />
      <source>the document is empty</source>
      <translation>dokumen kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/xmlsafe.py" />
      <source>the document is too large to read safely</source>
      <translation>dokumen terlalu besar untuk dibaca dengan aman</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/xmlsafe.py" />
      <source>the document declares XML entities (a DTD); refused for safety</source>
      <translation>dokumen mendeklarasikan entitas XML (DTD); ditolak demi keamanan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/xmlsafe.py" />
      <source>the server sent a web page (HTML), not XML</source>
      <translation>server mengirim halaman web (HTML), bukan XML</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/xmlsafe.py" />
      <source>the document is not well-formed XML: {error}</source>
      <translation>dokumen bukan XML yang valid: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Not checked</source>
      <translation>Belum diperiksa</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Nodes (simpul jaringan) of the JIGN network you work with. Check a node to see which services it offers.</source>
      <translation>Simpul jaringan JIGN yang Anda gunakan. Periksa sebuah simpul untuk melihat layanan yang disediakannya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Add node…</source>
      <translation>Tambah simpul…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Check</source>
      <translation>Periksa</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Remove</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Discover</source>
      <translation>Temukan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Validate</source>
      <translation>Validasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Metadata</source>
      <translation>Metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Publish</source>
      <translation>Publikasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Simpul settings</source>
      <translation>Pengaturan Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Language</source>
      <translation>Bahasa</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Up</source>
      <translation>Aktif</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Slow</source>
      <translation>Lambat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Down</source>
      <translation>Mati</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Node</source>
      <translation>Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Level</source>
      <translation>Tingkat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Checking…</source>
      <translation>Memeriksa…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Check your datasets against the national standards before you share them: the KUGI feature catalogue (layer names, geometry types, attributes, FCODE), the SRGI2013 reference system, the ISO 19115 / SNI 8843-1 metadata profile, geometry validity and topology (overlapping parcels). Results come as a readable report, an error layer you can click through, and a JSON file; safe fixes are written to a new file.</source>
      <translation>Periksa dataset Anda terhadap standar nasional sebelum dibagikan: katalog unsur KUGI (nama layer, tipe geometri, atribut, FCODE), sistem referensi SRGI2013, profil metadata ISO 19115 / SNI 8843-1, validitas geometri, dan topologi (persil yang tumpang tindih). Hasilnya berupa laporan yang mudah dibaca, layer kesalahan yang dapat ditelusuri, dan berkas JSON; perbaikan yang aman ditulis ke berkas baru.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Write, read and check ISO 19139 metadata in the Indonesian profile (SNI 8843-1:2019) for your datasets, with the layer's extent, reference system and attributes filled in for you.</source>
      <translation>Tulis, baca, dan periksa metadata ISO 19139 dengan profil Indonesia (SNI 8843-1:2019) untuk dataset Anda; cakupan wilayah, sistem referensi, dan atribut layer diisi otomatis.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Publish a validated dataset with its style and ISO metadata to your provincial geoportal (GeoServer REST, CSW-T catalogues such as pycsw and GeoNetwork, GeoNode), with a plan to confirm first and nothing left half-done if a step fails.</source>
      <translation>Publikasikan dataset yang sudah divalidasi beserta simbologi dan metadata ISO-nya ke geoportal provinsi (GeoServer REST, katalog CSW-T seperti pycsw dan GeoNetwork, GeoNode), dengan rencana yang dikonfirmasi lebih dulu dan tanpa pekerjaan setengah jadi bila satu langkah gagal.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Follow QGIS</source>
      <translation>Ikuti QGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Simpul: checking node {name}</source>
      <translation>Simpul: memeriksa simpul {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Not available in this version yet.</source>
      <translation>Belum tersedia pada versi ini.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Searching the catalogues of all nodes at once, and loading records as layers, comes in a later version.</source>
      <translation>Pencarian katalog semua simpul sekaligus dan pemuatan rekaman sebagai layer hadir pada versi berikutnya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Node {name} did not answer: {why}</source>
      <translation>Simpul {name} tidak menjawab: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>No node yet. Add one with its base URL.</source>
      <translation>Belum ada simpul. Tambahkan dengan URL dasarnya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>latency</source>
      <translation>latensi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>checked</source>
      <translation>diperiksa</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Service</source>
      <translation>Layanan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Version</source>
      <translation>Versi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Address</source>
      <translation>Alamat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>No known service found.</source>
      <translation>Tidak ditemukan layanan yang dikenal.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Not checked yet: press Check.</source>
      <translation>Belum diperiksa: tekan Periksa.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Add a node</source>
      <translation>Tambah simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>e.g. Geoportal Kabupaten Paser</source>
      <translation>mis. Geoportal Kabupaten Paser</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>e.g. Kalimantan Timur</source>
      <translation>mis. Kalimantan Timur</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Base URL</source>
      <translation>URL dasar</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Province</source>
      <translation>Provinsi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Authentication</source>
      <translation>Autentikasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Add</source>
      <translation>Tambah</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>National</source>
      <translation>Nasional</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Regency (kabupaten)</source>
      <translation>Kabupaten</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>City (kota)</source>
      <translation>Kota</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Other</source>
      <translation>Lainnya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Give a web address starting with http:// or https://</source>
      <translation>Masukkan alamat web yang diawali http:// atau https://</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Node information (detect services)</source>
      <translation>Informasi simpul (deteksi layanan)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Probes a node's base URL for the services an SDI node offers (CSW, OGC API Records and Features, WMS, WMTS, WFS, ArcGIS REST, CKAN) and reports each one found: kind, version and endpoint URL. The report is written as JSON to OUTPUT and returned in the results.</source>
      <translation>Memeriksa URL dasar sebuah simpul untuk layanan yang biasa disediakan simpul IDS (CSW, OGC API Records dan Features, WMS, WMTS, WFS, ArcGIS REST, CKAN) dan melaporkan setiap layanan yang ditemukan: jenis, versi, dan URL endpoint. Laporan ditulis sebagai JSON ke OUTPUT dan dikembalikan dalam hasil.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Timeout per request (seconds)</source>
      <translation>Batas waktu per permintaan (detik)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Node base URL</source>
      <translation>URL dasar simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Node report (JSON)</source>
      <translation>Laporan simpul (JSON)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>JSON files (*.json)</source>
      <translation>Berkas JSON (*.json)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Number of services found</source>
      <translation>Jumlah layanan yang ditemukan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Services found (JSON)</source>
      <translation>Layanan yang ditemukan (JSON)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Service kinds found</source>
      <translation>Jenis layanan yang ditemukan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Give the node's base URL, e.g. http://127.0.0.1:8765</source>
      <translation>Masukkan URL dasar simpul, mis. http://127.0.0.1:8765</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Canceled.</source>
      <translation>Dibatalkan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Probing {url} …</source>
      <translation>Memeriksa {url} …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>The node at {url} did not answer: {why}</source>
      <translation>Simpul di {url} tidak menjawab: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>No known service found at {url}.</source>
      <translation>Tidak ditemukan layanan yang dikenal di {url}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/provider.py" />
      <source>Simpul SDI</source>
      <translation>Simpul SDI</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/provider.py" />
      <source>Simpul SDI — Indonesian SDI node toolkit</source>
      <translation>Simpul SDI — perangkat simpul jaringan IDS Indonesia</translation>
    </message>
  </context>
</TS>
