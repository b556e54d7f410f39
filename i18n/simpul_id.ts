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
      <location filename="../sdi_plugin/gui/add_layers.py" />
      <location filename="../sdi_plugin/gui/browser.py" />
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
      <location filename="../sdi_plugin/core/catalog/cache.py" />
      <source>Simpul offline cache</source>
      <translation>cache luring Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/cache.py" />
      <source>{n} days</source>
      <translation>{n} hari</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/cache.py" />
      <source>{n} seconds</source>
      <translation>{n} detik</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/cache.py" />
      <source>{n} minutes</source>
      <translation>{n} menit</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/cache.py" />
      <source>{n} hours</source>
      <translation>{n} jam</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/cache.py" />
      <source>{path} is not a Simpul offline cache; Simpul uses only cache files it made itself and never writes into other files. Give a new file name, or leave the cache empty for the one in the QGIS profile.</source>
      <translation>{path} bukan cache luring Simpul; Simpul hanya memakai berkas cache buatannya sendiri dan tidak pernah menulis ke berkas lain. Berikan nama berkas baru, atau kosongkan isian cache untuk memakai cache di profil QGIS.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/ckan.py" />
      <source>not a CKAN Action API answer</source>
      <translation>bukan jawaban CKAN Action API</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/ckan.py" />
      <location filename="../sdi_plugin/core/nodes/health.py" />
      <source>not a CKAN package_search answer</source>
      <translation>bukan jawaban package_search CKAN</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/ckan.py" />
      <source>CKAN refused the request: {text}</source>
      <translation>CKAN menolak permintaan: {text}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/client.py" />
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <location filename="../sdi_plugin/core/network/http.py" />
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>canceled</source>
      <translation>dibatalkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/client.py" />
      <source>too many redirects (last: {url})</source>
      <translation>terlalu banyak pengalihan (terakhir: {url})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/client.py" />
      <source>after a redirect to {url}: {error}</source>
      <translation>setelah dialihkan ke {url}: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/client.py" />
      <location filename="../sdi_plugin/core/network/http.py" />
      <source>the server redirected the request to {url}</source>
      <translation>server mengalihkan permintaan ke {url}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/csw.py" />
      <source>the CSW answer has no search results</source>
      <translation>jawaban CSW tidak memuat hasil pencarian</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/csw.py" />
      <source>the catalogue answered with an OGC exception: {text}</source>
      <translation>katalog menjawab dengan pesan galat OGC (exception): {text}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/csw.py" />
      <source>not a CSW GetRecords answer (root element {name})</source>
      <translation>bukan jawaban GetRecords CSW (elemen akar {name})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/endpoints.py" />
      <source>no catalogue (CSW, OGC API Records or CKAN) found at this node</source>
      <translation>tidak ada katalog (CSW, OGC API Records, atau CKAN) di simpul ini</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/endpoints.py" />
      <source>not a catalogue service: {kind}</source>
      <translation>bukan layanan katalog: {kind}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/endpoints.py" />
      <source>the node did not answer: {why}</source>
      <translation>simpul tidak menjawab: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/harvest.py" />
      <source>{node}: {count} records harvested</source>
      <translation>{node}: {count} rekaman metadata dipanen</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/harvest.py" />
      <location filename="../sdi_plugin/core/catalog/search.py" />
      <source>{node}: canceled</source>
      <translation>{node}: dibatalkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/ogcapi_records.py" />
      <source>the OGC API has no record collection</source>
      <translation>OGC API ini tidak memiliki koleksi rekaman metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/ogcapi_records.py" />
      <source>not an OGC API Records answer (no features)</source>
      <translation>bukan jawaban OGC API Records (tidak ada features)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/ogcapi_records.py" />
      <source>collection {name}: {why}</source>
      <translation>koleksi {name}: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/search.py" />
      <source>no offline cache</source>
      <translation>tidak ada cache luring</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/search.py" />
      <source>{message} — showing {count} records from the offline cache (up to {age} old)</source>
      <translation>{message} — menampilkan {count} rekaman dari cache luring (umur hingga {age})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/search.py" />
      <source>{node}: {why}</source>
      <translation>{node}: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/catalog/search.py" />
      <source>{node}: unexpected error: {error}</source>
      <translation>{node}: kesalahan tak terduga: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <source>output</source>
      <translation>keluaran</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <source>{path} could not be written ({reason}).</source>
      <translation>{path} tidak dapat ditulis ({reason}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>JSON file</source>
      <translation>berkas JSON</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <source>{path} is a folder; give a file name for the output.</source>
      <translation>{path} adalah folder; berikan nama berkas untuk keluaran.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <source>Simpul may not write {path}: permission denied. Choose another place.</source>
      <translation>Simpul tidak boleh menulis {path}: izin ditolak. Pilih tempat lain.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <source>The disk is full; {path} could not be written.</source>
      <translation>Disk penuh; {path} tidak dapat ditulis.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <source>{path} is on a read-only disk; choose another place.</source>
      <translation>{path} berada di disk yang hanya-baca; pilih tempat lain.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <source>The folder of {path} does not exist and cannot be made.</source>
      <translation>Folder untuk {path} tidak ada dan tidak dapat dibuat.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <location filename="../sdi_plugin/core/publish/dataset.py" />
      <location filename="../sdi_plugin/core/publish/gate.py" />
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <location filename="../sdi_plugin/core/publish/http_util.py" />
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <location filename="../sdi_plugin/processing/base.py" />
      <source>Canceled.</source>
      <translation>Dibatalkan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <source>No file given for the {what}.</source>
      <translation>Belum ada berkas untuk {what}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <source>{path} is a folder; give a file name for the {what}.</source>
      <translation>{path} adalah folder; berikan nama berkas untuk {what}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <source>{path} is not a regular file; Simpul will not write over it.</source>
      <translation>{path} bukan berkas biasa; Simpul tidak akan menimpanya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/files/safe_output.py" />
      <source>{path} already exists and is not a {what}; Simpul replaces only a file of the same kind and never writes into other files. Choose a new file name.</source>
      <translation>{path} sudah ada dan bukan {what}; Simpul hanya mengganti berkas yang sejenis dan tidak pernah menulis ke berkas lain. Pilih nama berkas baru.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/capabilities.py" />
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <source>not {kind} capabilities (root element {name})</source>
      <translation>bukan capabilities {kind} (elemen akar {name})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/capabilities.py" />
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <source>the server answered with an OGC exception: {text}</source>
      <translation>server menjawab dengan exception OGC: {text}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/downloads.py" />
      <source>not a file Simpul can open (GeoPackage, zipped Shapefile or GeoTIFF expected)</source>
      <translation>bukan berkas yang dapat dibuka Simpul (yang diharapkan GeoPackage, Shapefile dalam zip, atau GeoTIFF)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/downloads.py" />
      <source>the zip file holds no Shapefile, GeoPackage or GeoTIFF</source>
      <translation>berkas zip tidak berisi Shapefile, GeoPackage, atau GeoTIFF</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/downloads.py" />
      <source>the server sent a web page (HTML), not a data file</source>
      <translation>server mengirim halaman web (HTML), bukan berkas data</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/downloads.py" />
      <source>the server sent an empty file</source>
      <translation>server mengirim berkas kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/downloads.py" />
      <source>the zip file is damaged: {error}</source>
      <translation>berkas zip rusak: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/downloads.py" />
      <source>the zipped Shapefile lacks {files}</source>
      <translation>Shapefile dalam zip tidak memiliki {files}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/layer_metadata.py" />
      <source>Publication date</source>
      <translation>Tanggal terbit</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/layer_metadata.py" />
      <source>Revision date</source>
      <translation>Tanggal revisi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/layer_metadata.py" />
      <source>Creation date</source>
      <translation>Tanggal pembuatan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/layer_metadata.py" />
      <source>Metadata date</source>
      <translation>Tanggal metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/layer_metadata.py" />
      <source>link</source>
      <translation>tautan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/layer_metadata.py" />
      <source>Catalogue record at {node}</source>
      <translation>Rekaman katalog di {node}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/layer_metadata.py" />
      <source>Found with Simpul at node {node}</source>
      <translation>Ditemukan dengan Simpul di simpul {node}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>an OGC API Features collection</source>
      <translation>koleksi OGC API Features</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>an ArcGIS map service</source>
      <translation>layanan peta ArcGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>an ArcGIS feature layer</source>
      <translation>layer unsur ArcGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>an ArcGIS feature service</source>
      <translation>layanan unsur ArcGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>the link names no layer, and the {kind} service at {url} offers {count}: {names}</source>
      <translation>tautan tidak menyebut layer, dan layanan {kind} di {url} menyediakan {count}: {names}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>{url} did not answer as a {kind} service: {why}</source>
      <translation>{url} tidak menjawab sebagai layanan {kind}: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>the WMTS layer {name} has no tile matrix set</source>
      <translation>layer WMTS {name} tidak memiliki tile matrix set</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>{url} did not answer as {what}: {why}</source>
      <translation>{url} tidak menjawab sebagai {what}: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>{url} did not answer as {what}</source>
      <translation>{url} tidak menjawab sebagai {what}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>{url} refused: {why}</source>
      <translation>{url} menolak: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>the link names no OGC API collection: {url}</source>
      <translation>tautan tidak menyebut koleksi OGC API: {url}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>not an ArcGIS {kind} address: {url}</source>
      <translation>bukan alamat ArcGIS {kind}: {url}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>{url} is a {type}, not a feature layer</source>
      <translation>{url} adalah {type}, bukan layer unsur</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>Simpul cannot load a link of this kind ({kind}): {url}</source>
      <translation>Simpul tidak dapat memuat tautan jenis ini ({kind}): {url}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>the provider {provider} refused it</source>
      <translation>provider {provider} menolaknya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>QGIS could not open the layer: {why}</source>
      <translation>QGIS tidak dapat membuka layer: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>loading {url} failed: {why}</source>
      <translation>gagal memuat {url}: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>the {kind} service at {url} has no layer named {name}</source>
      <translation>layanan {kind} di {url} tidak memiliki layer bernama {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>the ArcGIS map service at {url} has no layer {name}</source>
      <translation>layanan peta ArcGIS di {url} tidak memiliki layer {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>the link names no layer of the ArcGIS feature service at {url}</source>
      <translation>tautan tidak menyebut layer dari layanan unsur ArcGIS di {url}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>the download from {url} failed: {why}</source>
      <translation>unduhan dari {url} gagal: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/loader.py" />
      <source>The record {title} has no link Simpul can load as a layer.</source>
      <translation>Rekaman {title} tidak memiliki tautan yang dapat dimuat Simpul sebagai layer.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/service_layers.py" />
      <source>{title} (all layers)</source>
      <translation>{title} (semua layer)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/loading/service_layers.py" />
      <source>{kind} at {url}: {why}</source>
      <translation>{kind} di {url}: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>(the layer is not stored in a file)</source>
      <translation>(layer tidak tersimpan dalam berkas)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source> and in the GeoPackage's metadata tables</source>
      <translation> dan di tabel metadata GeoPackage</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Fill in {label} on the Simpul Metadata page (or in the record: {element}) and save again.</source>
      <translation>Isi {label} di halaman Metadata Simpul (atau di rekaman: {element}), lalu simpan lagi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Correct or remove the element named in the message; records saved by Simpul's Metadata page always follow the schema.</source>
      <translation>Perbaiki atau hapus elemen yang disebut dalam pesan; rekaman yang disimpan dari halaman Metadata Simpul selalu sesuai skema.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>No ISO 19139 metadata found for {layer} (looked for {file}{gpkg}).</source>
      <translation>Metadata ISO 19139 untuk {layer} tidak ditemukan (dicari di {file}{gpkg}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Write the record on the Simpul Metadata page (Generate from layer, then Save) or with sdi:generatemetadata, and save it beside the data.</source>
      <translation>Buat rekaman di halaman Metadata Simpul (Buat dari layer, lalu Simpan) atau dengan sdi:generatemetadata, dan simpan di samping data.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>{label} is missing: the metadata profile requires it</source>
      <translation>{label} belum diisi: profil metadata mewajibkannya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Write west &lt;= east (-180..180) and south &lt;= north (-90..90), in EPSG:4326; Generate from layer fills it in.</source>
      <translation>Tulis barat &lt;= timur (-180..180) dan selatan &lt;= utara (-90..90) dalam EPSG:4326; tombol Buat dari layer mengisinya otomatis.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>This is an ISO 19115-2 record (gmi:MI_Metadata): Simpul does not bundle the gmi XML Schema, so it was not validated against a schema; its ISO 19115 elements were checked against the profile.</source>
      <translation>Ini rekaman ISO 19115-2 (gmi:MI_Metadata): Simpul tidak menyertakan XML Schema gmi, jadi rekaman ini tidak divalidasi terhadap skema; elemen ISO 19115-nya diperiksa terhadap profil.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Validate it with the producer's own tools if the schema matters to you.</source>
      <translation>Validasi dengan perangkat dari pembuatnya bila kesesuaian skema penting bagi Anda.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Nothing to do; records saved by Simpul use ISO/TS 19139:2007.</source>
      <translation>Tidak perlu tindakan; rekaman yang disimpan Simpul memakai ISO/TS 19139:2007.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>This is an ISO 19115-3 record: the schema check applies to ISO 19139; the profile was checked on its ISO 19139 conversion.</source>
      <translation>Ini rekaman ISO 19115-3: pemeriksaan skema berlaku untuk ISO 19139; profil diperiksa pada hasil konversinya ke ISO 19139.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Save it from the Metadata page to get an ISO 19139 record.</source>
      <translation>Simpan dari halaman Metadata untuk mendapatkan rekaman ISO 19139.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Choose an ISO 19139 XML file (gmd:MD_Metadata).</source>
      <translation>Pilih berkas XML ISO 19139 (gmd:MD_Metadata).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>the file is larger than 50 MB</source>
      <translation>ukuran berkas lebih dari 50 MB</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>{label} is missing: the profile expects it (Palapa nodes always write it)</source>
      <translation>{label} belum diisi: profil mengharapkannya (simpul Palapa selalu menuliskannya)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>{label} is not filled in (recommended)</source>
      <translation>{label} belum diisi (disarankan)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Use ind for Bahasa Indonesia or eng for English.</source>
      <translation>Gunakan ind untuk Bahasa Indonesia atau eng untuk bahasa Inggris.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>The bounding box holds a value that is not a number</source>
      <translation>Kotak batas berisi nilai yang bukan angka</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Write the box in decimal degrees (EPSG:4326).</source>
      <translation>Tulis kotak batas dalam derajat desimal (EPSG:4326).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Run 'make setup' (or reinstall Simpul), then check again.</source>
      <translation>Jalankan 'make setup' (atau pasang ulang Simpul), lalu periksa lagi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>The record does not follow the ISO 19139 schema, {release} (line {line}): {error}</source>
      <translation>Rekaman tidak sesuai skema ISO 19139, {release} (baris {line}): {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Save the record again as plain ISO 19139 XML (no DTD, no entities).</source>
      <translation>Simpan ulang rekaman sebagai XML ISO 19139 biasa (tanpa DTD, tanpa entitas).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Write the dataset's metadata with the Metadata page or sdi:generatemetadata.</source>
      <translation>Buat metadata dataset dengan halaman Metadata atau sdi:generatemetadata.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>The bounding box ({west}, {south}, {east}, {north}) is not a box in longitude and latitude</source>
      <translation>Kotak batas ({west}, {south}, {east}, {north}) bukan kotak bujur dan lintang yang benar</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>This record is written in a national profile ({namespaces}) whose XML Schema Simpul does not bundle: it was not validated against a schema; its ISO elements were checked against the profile.</source>
      <translation>Rekaman ini ditulis dalam profil nasional ({namespaces}) yang XML Schema-nya tidak disertakan Simpul: rekaman tidak divalidasi terhadap skema; elemen ISO-nya diperiksa terhadap profil.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Validated against the schema release the record is written for: {release}.</source>
      <translation>Divalidasi terhadap rilis skema yang dipakai rekaman ini: {release}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <location filename="../sdi_plugin/core/metadata/iso_reader.py" />
      <source>The document is not an ISO 19139 metadata record (its root element is {name}, not gmd:MD_Metadata).</source>
      <translation>Dokumen ini bukan rekaman metadata ISO 19139 (elemen akarnya {name}, bukan gmd:MD_Metadata).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Check that the GeoPackage is not damaged.</source>
      <translation>Periksa apakah GeoPackage tidak rusak.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>The geographic bounding box is missing: a dataset record needs its location (west, east, south, north in EPSG:4326)</source>
      <translation>Kotak batas geografis belum diisi: rekaman dataset memerlukan lokasinya (barat, timur, selatan, utara dalam EPSG:4326)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>{label}: {value} is not in the code list {codelist}</source>
      <translation>{label}: {value} tidak ada dalam daftar kode {codelist}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>{label}: {value} is not a three-letter ISO 639-2 language code</source>
      <translation>{label}: {value} bukan kode bahasa ISO 639-2 tiga huruf</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>The metadata cannot be read: {why}</source>
      <translation>Metadata tidak dapat dibaca: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>The metadata file {file} cannot be read: {error}</source>
      <translation>Berkas metadata {file} tidak dapat dibaca: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Use {value}.</source>
      <translation>Gunakan {value}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/check.py" />
      <source>Use one of: {values}.</source>
      <translation>Gunakan salah satu dari: {values}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>the defaults</source>
      <translation>nilai bawaan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>defaults file</source>
      <translation>berkas nilai bawaan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>{where} must be a JSON object</source>
      <translation>{where} harus berupa objek JSON</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>{where}: keywords must be a list of texts</source>
      <translation>{where}: keywords harus berupa daftar teks</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>{where}: geometry_words must map geometry types to texts</source>
      <translation>{where}: geometry_words harus memetakan jenis geometri ke teks</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>{where}: access_level is {value}; use PUBLIC, GOVERNMENT, PRIVATE or IGSTRATEGIS</source>
      <translation>{where}: access_level bernilai {value}; gunakan PUBLIC, GOVERNMENT, PRIVATE atau IGSTRATEGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>The defaults file {file} is larger than 1 MB.</source>
      <translation>Berkas nilai bawaan {file} lebih besar dari 1 MB.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>The defaults file {file} does not exist.</source>
      <translation>Berkas nilai bawaan {file} tidak ada.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>The defaults file {file} cannot be read: {error}</source>
      <translation>Berkas nilai bawaan {file} tidak dapat dibaca: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>The defaults file {file} is not valid JSON: {error}</source>
      <translation>Berkas nilai bawaan {file} bukan JSON yang sah: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source> (did you mean {key}?)</source>
      <translation> (maksud Anda {key}?)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>{where}: unknown key {key}{hint}</source>
      <translation>{where}: kunci {key} tidak dikenal{hint}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>{where}: {key} must be text</source>
      <translation>{where}: {key} harus berupa teks</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>{where}: {key} is {value}, which is not one of {allowed}</source>
      <translation>{where}: {key} bernilai {value}, yang bukan salah satu dari {allowed}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/defaults.py" />
      <source>{where}: {key} is not a valid template: {error}</source>
      <translation>{where}: {key} bukan templat yang sah: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/iso_reader.py" />
      <source>The metadata file cannot be read: {why}</source>
      <translation>Berkas metadata tidak dapat dibaca: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/iso_reader.py" />
      <source>The record does not follow the ISO 19139 schema (line {line}): {error}</source>
      <translation>Rekaman tidak sesuai skema ISO 19139 (baris {line}): {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/iso_reader.py" />
      <location filename="../sdi_plugin/core/metadata/storage.py" />
      <source>The metadata file {file} cannot be opened: {error}</source>
      <translation>Berkas metadata {file} tidak dapat dibuka: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/iso_reader.py" />
      <source>The record could not be read ({error}).</source>
      <translation>Rekaman tidak dapat dibaca ({error}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/iso_reader.py" />
      <source>OWSLib could not read this record ({error}); it was read with Simpul's own reader instead.</source>
      <translation>OWSLib tidak dapat membaca rekaman ini ({error}); rekaman dibaca dengan pembaca Simpul sendiri.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/schema.py" />
      <source>The ISO 19139 schemas are not installed in {folder}. Run 'make setup' (it copies them from pycsw), or install Simpul from its release zip, which includes them.</source>
      <translation>Skema ISO 19139 belum terpasang di {folder}. Jalankan 'make setup' (skema disalin dari pycsw), atau pasang Simpul dari berkas zip rilisnya yang sudah memuatnya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/schema.py" />
      <source>The ISO 19139 schemas import {url}, which is not among the bundled schemas; refused (validation never uses the network).</source>
      <translation>Skema ISO 19139 mengimpor {url}, yang tidak termasuk skema bawaan; ditolak (validasi tidak pernah memakai jaringan internet).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/schema.py" />
      <source>The bundled ISO 19139 schemas in {folder} could not be read: {error}</source>
      <translation>Skema ISO 19139 bawaan di {folder} tidak dapat dibaca: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/storage.py" />
      <source>metadata record</source>
      <translation>rekaman metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/storage.py" />
      <source>The metadata could not be written into {file}: {error}</source>
      <translation>Metadata tidak dapat ditulis ke dalam {file}: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/storage.py" />
      <source>The metadata in {file} could not be read: {error}</source>
      <translation>Metadata di {file} tidak dapat dibaca: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/storage.py" />
      <source>The GeoPackage {file} does not exist.</source>
      <translation>GeoPackage {file} tidak ada.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/storage.py" />
      <source>Layer {layer} is not stored in a file, so there is nowhere beside it to save the metadata; use Export XML instead.</source>
      <translation>Layer {layer} tidak tersimpan dalam berkas, jadi metadata tidak dapat disimpan di sampingnya; gunakan Ekspor XML.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/storage.py" />
      <source>The metadata could not be written to {file}: {error}</source>
      <translation>Metadata tidak dapat ditulis ke {file}: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/storage.py" />
      <source>{file} is not a GeoPackage Simpul can open: {error}</source>
      <translation>{file} bukan GeoPackage yang dapat dibuka Simpul: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/metadata/storage.py" />
      <source>The GeoPackage {file} has no layer {layer}.</source>
      <translation>GeoPackage {file} tidak memiliki layer {layer}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <location filename="../sdi_plugin/core/publish/errors.py" />
      <source>network error</source>
      <translation>galat jaringan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <location filename="../sdi_plugin/core/training/exercises.py" />
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>the server answered HTTP {status}</source>
      <translation>server menjawab HTTP {status}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <source>the answer's compression is broken</source>
      <translation>kompresi jawaban server rusak</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <source>not a web address (http or https): {url}</source>
      <translation>bukan alamat web (http atau https): {url}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <source>no progress for {seconds:g} s</source>
      <translation>tidak ada kemajuan selama {seconds:g} detik</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <source>no answer within {seconds:g} s</source>
      <translation>tidak ada jawaban dalam {seconds:g} detik</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <source>the answer is larger than {mb:g} MB</source>
      <translation>jawaban lebih besar dari {mb:g} MB</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <source>cannot read the file {path}: {why}</source>
      <translation>berkas {path} tidak dapat dibaca: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <source>the authentication configuration {id} could not be applied</source>
      <translation>konfigurasi autentikasi {id} tidak dapat diterapkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <source>cannot write {path}: {why}</source>
      <translation>{path} tidak dapat ditulis: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <source>{server} did not answer valid JSON</source>
      <translation>{server} tidak menjawab dengan JSON yang sah</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/http.py" />
      <source>{server} sent a web page (HTML), not JSON</source>
      <translation>{server} mengirim halaman web (HTML), bukan JSON</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/xmlsafe.py" />
      <source>the document is empty</source>
      <translation>dokumen kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/xmlsafe.py" />
      <source>the document is too large to read safely</source>
      <translation>dokumen terlalu besar untuk dibaca dengan aman</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/xmlsafe.py" />
      <source>the document declares XML entities (a DTD); refused for safety</source>
      <translation>dokumen mendeklarasikan entitas XML (DTD); ditolak demi keamanan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/xmlsafe.py" />
      <source>the server sent a web page (HTML), not XML</source>
      <translation>server mengirim halaman web (HTML), bukan XML</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/network/xmlsafe.py" />
      <source>the document is not well-formed XML: {error}</source>
      <translation>dokumen bukan XML yang valid: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>node list</source>
      <translation>daftar simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>the top level must be a JSON object</source>
      <translation>tingkat teratas harus berupa objek JSON</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>there is no list of nodes</source>
      <translation>tidak ada daftar simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>no directory URL is set</source>
      <translation>URL direktori belum diatur</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>the directory has not changed</source>
      <translation>direktori tidak berubah</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>added by a Simpul user</source>
      <translation>ditambahkan oleh pengguna Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>Simpul node list</source>
      <translation>Daftar simpul Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>Node list {where}: {problem}</source>
      <translation>Daftar simpul {where}: {problem}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>the file is not UTF-8 text</source>
      <translation>berkas bukan teks UTF-8</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>{count} nodes in the directory</source>
      <translation>{count} simpul dalam direktori</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>{path} must be an object</source>
      <translation>{path} harus berupa objek</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>{path} has no name</source>
      <translation>{path} tidak memiliki nama</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>{path} ({name}): the URL must start with http:// or https://</source>
      <translation>{path} ({name}): URL harus diawali http:// atau https://</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>{path} ({name}): level {level} is not one of {levels}</source>
      <translation>{path} ({name}): tingkat {level} bukan salah satu dari {levels}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>{path}.{key} must be true or false</source>
      <translation>{path}.{key} harus true atau false</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>{path}.services must be a list of objects with a kind and a url</source>
      <translation>{path}.services harus berupa daftar objek yang memiliki kind dan url</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>not a Simpul node list (format {format})</source>
      <translation>bukan daftar simpul Simpul (format {format})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>format version {version} is newer than this Simpul understands ({ours})</source>
      <translation>versi format {version} lebih baru daripada yang dipahami Simpul ini ({ours})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>the file is larger than {mb:g} MB</source>
      <translation>berkas lebih besar dari {mb:g} MB</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>the directory could not be fetched from {url}: {why}</source>
      <translation>direktori tidak dapat diambil dari {url}: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>{path}.{key} must be text</source>
      <translation>{path}.{key} harus berupa teks</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>the node id {id} appears twice</source>
      <translation>id simpul {id} muncul dua kali</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <source>the file is not valid JSON ({error})</source>
      <translation>berkas bukan JSON yang sah ({error})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/directory.py" />
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>the file could not be read: {error}</source>
      <translation>berkas tidak dapat dibaca: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/health.py" />
      <source>Not checked</source>
      <translation>Belum diperiksa</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/health.py" />
      <source>Up</source>
      <translation>Aktif</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/health.py" />
      <source>Slow</source>
      <translation>Lambat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/health.py" />
      <source>Down</source>
      <translation>Mati</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/health.py" />
      <source>the catalogue did not give a record count: {text}</source>
      <translation>katalog tidak memberikan jumlah rekaman: {text}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/health.py" />
      <source>not an OGC API Records answer</source>
      <translation>bukan jawaban OGC API Records</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/health.py" />
      <source>no known service</source>
      <translation>tidak ada layanan yang dikenali</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <source>an OGC API without Features or Records conformance</source>
      <translation>OGC API tanpa kesesuaian (conformance) Features atau Records</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <source>not an ArcGIS REST services directory</source>
      <translation>bukan direktori layanan ArcGIS REST</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <source>not a CKAN Action API</source>
      <translation>bukan CKAN Action API</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <source>not CSW capabilities</source>
      <translation>bukan capabilities CSW</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <source>not WMTS capabilities</source>
      <translation>bukan capabilities WMTS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <source>not checked: the node check's {seconds:g} s were up</source>
      <translation>tidak diperiksa: waktu pemeriksaan simpul ({seconds:g} detik) sudah habis</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <source>no OGC API conformance link</source>
      <translation>tidak ada tautan conformance OGC API</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/nodes/nodeinfo.py" />
      <source>not a web address (http or https)</source>
      <translation>bukan alamat web (http atau https)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/api.py" />
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Simpul failed unexpectedly: {why} (details in the QGIS message log).</source>
      <translation>Simpul gagal tanpa terduga: {why} (rincian di log pesan QGIS).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <source>CSW catalogue ({flavour})</source>
      <translation>Katalog CSW ({flavour})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <location filename="../sdi_plugin/core/publish/records.py" />
      <source>Looking up record {id} in the catalogue</source>
      <translation>Mencari rekaman {id} di katalog</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <source>Update the catalogue record in place (CSW-T Update)</source>
      <translation>Perbarui rekaman katalog di tempatnya (CSW-T Update)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <source>Insert the ISO 19139 record (CSW-T Insert)</source>
      <translation>Masukkan rekaman ISO 19139 (CSW-T Insert)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <location filename="../sdi_plugin/core/publish/records.py" />
      <source>Deleting record {id}</source>
      <translation>Menghapus rekaman {id}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <source>{what}: the catalogue did not answer with a transaction response.</source>
      <translation>{what}: katalog tidak menjawab dengan respons transaksi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <source>The record found lacks the links to the published layer</source>
      <translation>Rekaman yang ditemukan tidak memuat tautan ke layer yang dipublikasikan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <source>{what}: the catalogue's answer is not XML ({why}).</source>
      <translation>{what}: jawaban katalog bukan XML ({why}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <source>{what}: the catalogue said “{words}”.</source>
      <translation>{what}: katalog menjawab “{words}”.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <location filename="../sdi_plugin/core/publish/records.py" />
      <source>Restoring record {id}</source>
      <translation>Memulihkan rekaman {id}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <source>{what}: the catalogue reported no record changed.</source>
      <translation>{what}: katalog melaporkan tidak ada rekaman yang berubah.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <location filename="../sdi_plugin/core/publish/records.py" />
      <source>The catalogue does not find record {id}</source>
      <translation>Katalog tidak menemukan rekaman {id}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <source>Inserting record {id}</source>
      <translation>Memasukkan rekaman {id}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/csw.py" />
      <source>Updating record {id}</source>
      <translation>Memperbarui rekaman {id}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/dataset.py" />
      <source>Cannot open the dataset {source}: not a readable vector layer.</source>
      <translation>Dataset {source} tidak dapat dibuka: bukan layer vektor yang dapat dibaca.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/dataset.py" />
      <source>Cannot prepare {table} for upload: {why}</source>
      <translation>{table} tidak dapat disiapkan untuk diunggah: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/dataset.py" />
      <source>Cannot open the PostGIS table {source}: check the connection and that the table exists.</source>
      <translation>Tabel PostGIS {source} tidak dapat dibuka: periksa koneksinya dan pastikan tabelnya ada.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/dataset.py" />
      <source>Layers from the {provider} provider cannot be published; save the layer as a GeoPackage first.</source>
      <translation>Layer dari penyedia {provider} tidak dapat dipublikasikan; simpan dulu layer sebagai GeoPackage.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/endpoints.py" />
      <source>Unknown node {node}: give the node's base URL (http://…) or the id of a node you added in Discover.</source>
      <translation>Simpul jaringan {node} tidak dikenal: berikan URL dasar simpul (http://…) atau id simpul yang Anda tambahkan di Jelajah.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/errors.py" />
      <source>check the user name and password of the authentication configuration</source>
      <translation>periksa nama pengguna dan kata sandi pada konfigurasi autentikasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/errors.py" />
      <source>{what}: the node answered HTTP {status} without an explanation.</source>
      <translation>{what}: simpul menjawab HTTP {status} tanpa penjelasan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/errors.py" />
      <source>{what}: canceled.</source>
      <translation>{what}: dibatalkan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/errors.py" />
      <source>{what}: the node stopped answering ({why}).</source>
      <translation>{what}: simpul berhenti menjawab ({why}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/errors.py" />
      <source>{what}: the connection failed ({why}).</source>
      <translation>{what}: koneksi gagal ({why}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/errors.py" />
      <source>{what}: the node refused the credentials (HTTP 401) — {hint}.</source>
      <translation>{what}: simpul menolak kredensial (HTTP 401) — {hint}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/errors.py" />
      <source>{what}: the node does not allow this (HTTP 403).</source>
      <translation>{what}: simpul tidak mengizinkan ini (HTTP 403).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/errors.py" />
      <source>{what}: the node said “{words}” (HTTP {status}).</source>
      <translation>{what}: simpul menjawab “{words}” (HTTP {status}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/gate.py" />
      <source>Published on {date} with {count} validation error(s) overridden by the publisher (rules: {rules}). Reason given: {reason}</source>
      <translation>Dipublikasikan pada {date} dengan {count} galat validasi yang dikesampingkan oleh penerbit (aturan: {rules}). Alasan: {reason}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/gate.py" />
      <source>{count} validation error(s) ({rules}) block publishing; fix them, or give a reason to publish anyway (it is recorded in the metadata lineage).</source>
      <translation>{count} galat validasi ({rules}) menghalangi publikasi; perbaiki, atau berikan alasan untuk tetap mempublikasikan (dicatat dalam riwayat/lineage metadata).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/gate.py" />
      <source>No validation errors.</source>
      <translation>Tidak ada galat validasi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/gate.py" />
      <source>Run Validate on the dataset and fix what stops it.</source>
      <translation>Jalankan Validasi pada dataset dan perbaiki penyebabnya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/gate.py" />
      <source>{count} validation error(s) ({rules}) overridden. Reason given: {reason}</source>
      <translation>{count} galat validasi ({rules}) dikesampingkan. Alasan: {reason}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/gate.py" />
      <source>The metadata checker failed: {why}</source>
      <translation>Pemeriksa metadata gagal: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/gate.py" />
      <source>The validator could not check the dataset: {why}</source>
      <translation>Validator tidak dapat memeriksa dataset: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>GeoNode</source>
      <translation>GeoNode</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Replace the dataset's metadata with the ISO 19139 record</source>
      <translation>Ganti metadata dataset dengan rekaman ISO 19139</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Uploading {file} to GeoNode</source>
      <translation>Mengunggah {file} ke GeoNode</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Saving a copy of dataset {name} before replacing it</source>
      <translation>Menyimpan salinan dataset {name} sebelum menggantinya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Deleting dataset {pk} from GeoNode</source>
      <translation>Menghapus dataset {pk} dari GeoNode</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Looking up dataset {name} on GeoNode</source>
      <translation>Mencari dataset {name} di GeoNode</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Reading dataset {name} on GeoNode</source>
      <translation>Membaca dataset {name} di GeoNode</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Upload the ISO 19139 record as the dataset's metadata</source>
      <translation>Unggah rekaman ISO 19139 sebagai metadata dataset</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Putting back the data of dataset {name} on GeoNode</source>
      <translation>Mengembalikan data dataset {name} di GeoNode</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Putting back the title and abstract of dataset {name} on GeoNode</source>
      <translation>Mengembalikan judul dan abstrak dataset {name} di GeoNode</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>GeoNode offers no copy of the files of dataset {name}, so replacing its data could not be undone if a step failed; it is not touched. Publish under another layer name.</source>
      <translation>GeoNode tidak menyediakan salinan berkas dataset {name}, sehingga penggantian datanya tidak dapat dibatalkan bila ada langkah yang gagal; dataset itu tidak diubah. Terbitkan dengan nama lapisan lain.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Replace the dataset's data in place with {what} (the same dataset, no duplicate)</source>
      <translation>Ganti data dataset di tempat dengan {what} (dataset yang sama, tanpa duplikat)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>{what}: GeoNode's answer names no import (execution_id).</source>
      <translation>{what}: jawaban GeoNode tidak menyebutkan proses impor (execution_id).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>{what}: GeoNode finished the import without a dataset.</source>
      <translation>{what}: GeoNode menyelesaikan impor tanpa menghasilkan dataset.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>{what}: GeoNode offers no copy of its files.</source>
      <translation>{what}: GeoNode tidak menyediakan salinan berkasnya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>GeoNode holds dataset {name} as {file}, not as a GeoPackage; its data are not replaced because they could not be put back if a step failed.</source>
      <translation>GeoNode menyimpan dataset {name} sebagai {file}, bukan GeoPackage; datanya tidak diganti karena tidak dapat dikembalikan bila ada langkah yang gagal.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>GeoNode does not find dataset {name} after the upload.</source>
      <translation>GeoNode tidak menemukan dataset {name} setelah diunggah.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Uploading the metadata of dataset {name} to GeoNode</source>
      <translation>Mengunggah metadata dataset {name} ke GeoNode</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>Upload {what} as a new GeoNode dataset</source>
      <translation>Unggah {what} sebagai dataset GeoNode baru</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>{what}: GeoNode no longer knows the request.</source>
      <translation>{what}: GeoNode tidak lagi mengenali permintaan itu.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>{what}: GeoNode said “{words}”.</source>
      <translation>{what}: GeoNode menjawab “{words}”.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>GeoNode made dataset {got} instead of replacing dataset {pk}.</source>
      <translation>GeoNode membuat dataset {got} alih-alih mengganti dataset {pk}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>{what}: GeoNode's copy is not a GeoPackage.</source>
      <translation>{what}: salinan dari GeoNode bukan GeoPackage.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>GeoNode lists dataset {name} with the title “{title}”</source>
      <translation>GeoNode mencantumkan dataset {name} dengan judul “{title}”</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>GeoNode does not list dataset {name}</source>
      <translation>GeoNode tidak mencantumkan dataset {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>the import failed</source>
      <translation>impor gagal</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geonode.py" />
      <source>{what}: GeoNode's import made no progress for {seconds:g} s.</source>
      <translation>{what}: impor di GeoNode tidak berjalan selama {seconds:g} detik.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>GeoServer REST</source>
      <translation>GeoServer REST</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>The workspace appeared meanwhile; used as it is</source>
      <translation>Workspace muncul sementara itu; dipakai apa adanya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Creating workspace {name}</source>
      <translation>Membuat workspace {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Registering the PostGIS store {name}</source>
      <translation>Mendaftarkan penyimpanan PostGIS {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Reading layer {name}</source>
      <translation>Membaca layer {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Restoring data store {name}</source>
      <translation>Memulihkan penyimpanan data {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Reading workspace {name}</source>
      <translation>Membaca workspace {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Create the workspace (it is never deleted, not even on rollback)</source>
      <translation>Buat workspace (tidak pernah dihapus, juga tidak saat pembatalan)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>The workspace exists; left as it is</source>
      <translation>Workspace sudah ada; dibiarkan apa adanya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Update title, abstract, keywords and the metadata link</source>
      <translation>Perbarui judul, abstrak, kata kunci dan tautan metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Create the feature type with a metadata link to the catalogue record</source>
      <translation>Buat feature type dengan tautan metadata ke rekaman katalog</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Replace the style's SLD with the layer's QGIS symbology</source>
      <translation>Ganti SLD gaya dengan simbologi QGIS layer</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Upload the layer's QGIS symbology as SLD</source>
      <translation>Unggah simbologi QGIS layer sebagai SLD</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Uploading {file} to data store {name}</source>
      <translation>Mengunggah {file} ke penyimpanan data {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Saving a copy of style {name} before replacing it</source>
      <translation>Menyimpan salinan gaya {name} sebelum menggantinya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Removing data store {name}</source>
      <translation>Menghapus penyimpanan data {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Removing feature type {name}</source>
      <translation>Menghapus feature type {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Removing style {name}</source>
      <translation>Menghapus gaya {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Restoring feature type {name}</source>
      <translation>Memulihkan feature type {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Restoring style {name}</source>
      <translation>Memulihkan gaya {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Restoring layer {name}</source>
      <translation>Memulihkan layer {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Reading data store {name}</source>
      <translation>Membaca penyimpanan data {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Register the PostGIS database as a data store</source>
      <translation>Daftarkan basis data PostGIS sebagai penyimpanan data</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Update the PostGIS store's connection</source>
      <translation>Perbarui koneksi penyimpanan PostGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Reading feature type {name}</source>
      <translation>Membaca feature type {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Reading style {name}</source>
      <translation>Membaca gaya {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>The node made no layer {name} for the feature type.</source>
      <translation>Simpul tidak membuat layer {name} untuk feature type tersebut.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Setting the default style of layer {name}</source>
      <translation>Menetapkan gaya bawaan layer {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>The layer's default style is {style}</source>
      <translation>Gaya bawaan layer adalah {style}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>The node has no data store {ws}:{name} to publish the PostGIS table from.</source>
      <translation>Simpul tidak memiliki penyimpanan data {ws}:{name} untuk mempublikasikan tabel PostGIS.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>The PostGIS store exists; the table {table} is published from it</source>
      <translation>Penyimpanan PostGIS sudah ada; tabel {table} dipublikasikan darinya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>the table {table} of {file} (copied to a GeoPackage of its own)</source>
      <translation>tabel {table} dari {file} (disalin ke GeoPackage tersendiri)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Set the default style to {style}</source>
      <translation>Tetapkan gaya bawaan menjadi {style}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>The layer (made with the feature type) gets the default style {style}</source>
      <translation>Layer (dibuat bersama feature type) mendapat gaya bawaan {style}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Creating feature type {name}</source>
      <translation>Membuat feature type {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Updating feature type {name}</source>
      <translation>Memperbarui feature type {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Uploading style {name}</source>
      <translation>Mengunggah gaya {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Replacing style {name}</source>
      <translation>Mengganti gaya {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Upload {what} as a new data store</source>
      <translation>Unggah {what} sebagai penyimpanan data baru</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Replace the data of the existing store with {what}</source>
      <translation>Ganti data penyimpanan yang ada dengan {what}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>The node already has a layer {name} from another data store ({store}); it is not touched. Publish under another layer name.</source>
      <translation>Simpul sudah memiliki layer {name} dari penyimpanan data lain ({store}); layer itu tidak disentuh. Publikasikan dengan nama layer lain.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/geoserver.py" />
      <source>Saving a copy of data store {name} before replacing it</source>
      <translation>Menyimpan salinan penyimpanan data {name} sebelum menggantinya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/http_util.py" />
      <source>{what}: {why}</source>
      <translation>{what}: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/isoxml.py" />
      <source>The metadata file is not an ISO 19139 record (gmd:MD_Metadata).</source>
      <translation>Berkas metadata bukan rekaman ISO 19139 (gmd:MD_Metadata).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/isoxml.py" />
      <source>The metadata record cannot be read: {why}</source>
      <translation>Rekaman metadata tidak dapat dibaca: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/prepare.py" />
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>XML file</source>
      <translation>berkas XML</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/prepare.py" />
      <source>The node offers nothing Simpul can publish to (no GeoServer REST API, no CSW with transactions, no OGC API Records with transactions).</source>
      <translation>Simpul tidak menyediakan tujuan publikasi bagi Simpul (tidak ada GeoServer REST API, CSW dengan transaksi, atau OGC API Records dengan transaksi).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/prepare.py" />
      <source>The dataset has no coordinate reference system; set one before publishing.</source>
      <translation>Dataset tidak memiliki sistem referensi koordinat; tetapkan sebelum mempublikasikan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/prepare.py" />
      <source>The dataset has no features; there is nothing to publish.</source>
      <translation>Dataset tidak memiliki unsur; tidak ada yang dapat dipublikasikan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/prepare.py" />
      <source>Cannot read the metadata file {path}: {why}</source>
      <translation>Berkas metadata {path} tidak dapat dibaca: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/records.py" />
      <source>OGC API Records catalogue</source>
      <translation>Katalog OGC API Records</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/records.py" />
      <source>Replace the record in place (PUT)</source>
      <translation>Ganti rekaman di tempatnya (PUT)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/records.py" />
      <source>Add the record (POST)</source>
      <translation>Tambahkan rekaman (POST)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/records.py" />
      <source>Adding record {id}</source>
      <translation>Menambahkan rekaman {id}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/records.py" />
      <source>Replacing record {id}</source>
      <translation>Mengganti rekaman {id}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Dry run: nothing was changed on the node.</source>
      <translation>Uji coba (dry run): tidak ada yang diubah di simpul.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Undoing what this publish did …</source>
      <translation>Membatalkan apa yang dilakukan publikasi ini …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Everything this publish did was undone; the node is as it was.</source>
      <translation>Semua yang dilakukan publikasi ini telah dibatalkan; simpul kembali seperti semula.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Checking the published layer and record from outside …</source>
      <translation>Memeriksa layer dan rekaman yang dipublikasikan dari luar …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Publishing would be refused by the validation gate.</source>
      <translation>Publikasi akan ditolak oleh gerbang validasi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Overwriting what the node already serves needs confirmation (overwrite).</source>
      <translation>Menimpa apa yang sudah dilayani simpul memerlukan konfirmasi (timpa).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Some checks after publishing failed; see the verification.</source>
      <translation>Beberapa pemeriksaan setelah publikasi gagal; lihat hasil verifikasi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>The node already serves {names}; publishing would overwrite it. Confirm overwriting to update it in place.</source>
      <translation>Simpul sudah melayani {names}; publikasi akan menimpanya. Konfirmasikan penimpaan untuk memperbaruinya di tempat.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Canceled; everything this publish did was undone.</source>
      <translation>Dibatalkan; semua yang dilakukan publikasi ini telah dibatalkan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Undoing was incomplete: {what}</source>
      <translation>Pembatalan tidak tuntas: {what}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Reading what {target} already holds …</source>
      <translation>Membaca apa yang sudah ada di {target} …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Published: {n} change(s) made on the node.</source>
      <translation>Dipublikasikan: {n} perubahan dibuat di simpul.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Preparing {table} for upload …</source>
      <translation>Menyiapkan {table} untuk diunggah …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/runner.py" />
      <source>Publishing to {target} …</source>
      <translation>Mempublikasikan ke {target} …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/sld.py" />
      <source>QGIS could not export the layer's style as SLD.</source>
      <translation>QGIS tidak dapat mengekspor gaya layer sebagai SLD.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/sld.py" />
      <source>The style is not an SLD document (StyledLayerDescriptor).</source>
      <translation>Gaya bukan dokumen SLD (StyledLayerDescriptor).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/sld.py" />
      <source>The SLD style cannot be read: {why}</source>
      <translation>Gaya SLD tidak dapat dibaca: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/target.py" />
      <source>unchanged (the node refused the change)</source>
      <translation>tidak berubah (simpul menolak perubahan itu)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/target.py" />
      <source>nothing to remove (the node refused the change)</source>
      <translation>tidak ada yang perlu dihapus (simpul menolak perubahan itu)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/verify.py" />
      <source>QGIS could not load the layer from the WFS</source>
      <translation>QGIS tidak dapat memuat layer dari WFS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/verify.py" />
      <source>The layer is not in the WMS capabilities</source>
      <translation>Layer tidak ada dalam capabilities WMS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/verify.py" />
      <source>GetMap returned an empty image</source>
      <translation>GetMap menghasilkan gambar kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/verify.py" />
      <source>QGIS could not load the layer from the WMS</source>
      <translation>QGIS tidak dapat memuat layer dari WMS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/verify.py" />
      <source>The layer is not in the WFS capabilities</source>
      <translation>Layer tidak ada dalam capabilities WFS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/verify.py" />
      <source>GetMap did not return an image: {why}</source>
      <translation>GetMap tidak menghasilkan gambar: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/publish/verify.py" />
      <source>The WFS returned {count} features, {expected} expected</source>
      <translation>WFS mengembalikan {count} unsur, seharusnya {expected}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/runtime/tasks.py" />
      <source>Unexpected error: {error}</source>
      <translation>Kesalahan tak terduga: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/fieldmap.py" />
      <source>FIELD_MAP: '{part}' is not of the form source=TARGET.</source>
      <translation>FIELD_MAP: '{part}' tidak berbentuk sumber=TARGET.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/fieldmap.py" />
      <source>FIELD_MAP: the dataset has no column {source} (it has: {names}).</source>
      <translation>FIELD_MAP: dataset tidak punya kolom {source} (yang ada: {names}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/fieldmap.py" />
      <source>FIELD_MAP: {target} is not an attribute of {layer} ({names}).</source>
      <translation>FIELD_MAP: {target} bukan atribut {layer} ({names}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/fieldmap.py" />
      <source>FIELD_MAP: {target} is filled by Simpul; {source}={target} is ignored.</source>
      <translation>FIELD_MAP: {target} diisi oleh Simpul; {source}={target} diabaikan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/fieldmap.py" />
      <source>FIELD_MAP: {target} is given twice.</source>
      <translation>FIELD_MAP: {target} disebut dua kali.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/fieldmap.py" />
      <source>FIELD_MAP: column {source} is given twice.</source>
      <translation>FIELD_MAP: kolom {source} disebut dua kali.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>no geometry</source>
      <translation>tanpa geometri</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>KUGI domains as value maps (Simpul)</source>
      <translation>Domain KUGI sebagai value map (Simpul)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>point</source>
      <translation>titik</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>line</source>
      <translation>garis</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>polygon</source>
      <translation>poligon</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>The KUGI feature type of {name} could not be suggested from its name, geometry or fields; give it as FEATURE_TYPE (an FCODE or a KUGI layer name).</source>
      <translation>Jenis unsur KUGI untuk {name} tidak dapat disarankan dari nama, geometri, atau kolomnya; isikan pada FEATURE_TYPE (FCODE atau nama layer KUGI).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>The dataset holds {found} geometries but {layer} is a {expected} feature type; choose a feature type of its geometry.</source>
      <translation>Dataset berisi geometri {found}, sedangkan {layer} adalah jenis unsur {expected}; pilih jenis unsur yang sesuai geometrinya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>The output {path} is the source dataset itself; standardisation never writes to the source. Choose a new file.</source>
      <translation>Keluaran {path} adalah dataset sumber itu sendiri; standardisasi tidak pernah menulis ke sumber. Pilih berkas baru.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>Write the standardised dataset as a GeoPackage (.gpkg) or a Shapefile (.shp), not {ext}.</source>
      <translation>Simpan dataset hasil standardisasi sebagai GeoPackage (.gpkg) atau Shapefile (.shp), bukan {ext}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <location filename="../sdi_plugin/core/validate/metadata_seam.py" />
      <source>The metadata file {path} does not exist.</source>
      <translation>Berkas metadata {path} tidak ada.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>Feature type suggested: {type}.</source>
      <translation>Jenis unsur yang disarankan: {type}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>The standardised dataset {path} could not be read again.</source>
      <translation>Dataset hasil standardisasi {path} tidak dapat dibaca kembali.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>KUGI domains set as value maps on the form: {names}.</source>
      <translation>Domain KUGI dipasang sebagai value map pada formulir: {names}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>Metadata record {id} generated: {file}.</source>
      <translation>Rekaman metadata {id} dibuat: {file}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>METADATA refers to the record {id} of {file}.</source>
      <translation>METADATA merujuk ke rekaman {id} dari {file}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>The metadata record is not complete ({missing}): give the node defaults (DEFAULTS, with organisation and e-mail) or complete it on the Metadata page.</source>
      <translation>Rekaman metadata belum lengkap ({missing}): berikan isian bawaan simpul (DEFAULTS, dengan organisasi dan e-mail) atau lengkapi di halaman Metadata.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>{name}: values not in the KUGI domain: {values}.</source>
      <translation>{name}: nilai yang tidak ada dalam domain KUGI: {values}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>{name}: {count} value(s) could not be converted to {type} and were left empty.</source>
      <translation>{name}: {count} nilai tidak dapat diubah ke {type} dan dibiarkan kosong.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <location filename="../sdi_plugin/core/validate/context.py" />
      <source>FEATURE_TYPE {value} is not a feature type of the KUGI catalogue (give its FCODE, e.g. CA02070160, or its layer name).</source>
      <translation>FEATURE_TYPE {value} bukan jenis unsur dalam katalog KUGI (berikan FCODE-nya, mis. CA02070160, atau nama layernya).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>The output {path} would replace files of the source dataset; choose another name or folder.</source>
      <translation>Keluaran {path} akan menimpa berkas dataset sumber; pilih nama atau folder lain.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>The form (value maps) could not be saved in the GeoPackage: {error}</source>
      <translation>Formulir (value map) tidak dapat disimpan di GeoPackage: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>The form (value maps) could not be saved to {file}: {error}</source>
      <translation>Formulir (value map) tidak dapat disimpan ke {file}: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>The metadata file {file} has no record identifier (gmd:fileIdentifier); it cannot be referred to from METADATA.</source>
      <translation>Berkas metadata {file} tidak punya pengenal rekaman (gmd:fileIdentifier); berkas itu tidak dapat dirujuk dari METADATA.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <source>(no extension)</source>
      <translation>(tanpa ekstensi)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>The repaired copy could not be read again ({path}).</source>
      <translation>Salinan yang sudah diperbaiki tidak dapat dibaca kembali ({path}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>Could not create {path}: {error}</source>
      <translation>{path} tidak dapat dibuat: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>FEATURE_TYPE {value} fits several KUGI feature types ({codes}); give the FCODE or the layer name with its scale, e.g. {example}.</source>
      <translation>FEATURE_TYPE {value} cocok dengan beberapa jenis unsur KUGI ({codes}); isikan FCODE atau nama layer beserta skalanya, misalnya {example}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <source>Column {name} is kept as {new}: {name} is filled from {source}.</source>
      <translation>Kolom {name} disimpan sebagai {new}: {name} diisi dari {source}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/run.py" />
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>Could not write feature {fid} to {path}: {error}</source>
      <translation>Unsur {fid} tidak dapat ditulis ke {path}: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/search.py" />
      <source>the layer's FCODE is {fcode}</source>
      <translation>FCODE layer adalah {fcode}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/search.py" />
      <source>the layer name {name} is its KUGI name</source>
      <translation>nama layer {name} adalah nama KUGI-nya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/search.py" />
      <source>the validator expects {layer}</source>
      <translation>validator mengharapkan {layer}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/search.py" />
      <source>'{word}' in the name points to {theme}</source>
      <translation>'{word}' pada nama menunjuk ke {theme}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/search.py" />
      <source>fields for {names}</source>
      <translation>ada kolom untuk {names}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/search.py" />
      <source>scale {scale} from the name</source>
      <translation>skala {scale} dari nama</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/search.py" />
      <source>'{word}' in the name is its theme</source>
      <translation>'{word}' pada nama adalah temanya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/search.py" />
      <source>'{word}' in the name is part of its theme {theme}</source>
      <translation>'{word}' pada nama adalah bagian dari tema {theme}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standardize/search.py" />
      <source>'{word}' in the name is in its definition</source>
      <translation>'{word}' pada nama ada dalam definisinya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>non-empty text</source>
      <translation>teks yang tidak kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>a non-empty list</source>
      <translation>daftar yang tidak kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>a positive whole number</source>
      <translation>bilangan bulat positif</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>true or false</source>
      <translation>true atau false</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>an object</source>
      <translation>objek</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>a positive whole number or null</source>
      <translation>bilangan bulat positif atau null</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>the FCODE is empty</source>
      <translation>FCODE kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>the layer name is empty</source>
      <translation>nama layer kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <location filename="../sdi_plugin/core/validate/settings.py" />
      <source>{path} must be {expected}</source>
      <translation>{path} harus berupa {expected}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>{path}: {value} appears twice</source>
      <translation>{path}: {value} muncul dua kali</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>{path} is missing</source>
      <translation>{path} tidak ada</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>{path}: {value} is not one of {allowed}</source>
      <translation>{path}: {value} bukan salah satu dari {allowed}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>{name} is not of the form THEME_GEOMETRY_SCALE (letters, digits and underscores)</source>
      <translation>{name} tidak mengikuti pola THEME_GEOMETRY_SCALE (huruf, angka, dan garis bawah)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>{name} has no geometry part ({tokens})</source>
      <translation>{name} tidak memiliki bagian geometri ({tokens})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>{name} has no theme before its geometry part</source>
      <translation>{name} tidak memiliki tema sebelum bagian geometrinya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>an FCODE has {length} characters (2 letters and 8 digits); {code} has {count}</source>
      <translation>FCODE terdiri atas {length} karakter (2 huruf dan 8 angka); {code} memiliki {count}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>{path}: the FCODE says {expected} but the entry says {actual}</source>
      <translation>{path}: menurut FCODE {expected}, tetapi entri menyebut {actual}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>an FCODE starts with two capital letters: {code}</source>
      <translation>FCODE diawali dua huruf kapital: {code}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>FCODE {code} is malformed: {reason}</source>
      <translation>FCODE {code} tidak valid: {reason}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>FCODE {code} is not in the catalogue</source>
      <translation>FCODE {code} tidak ada dalam katalog</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>layer name {name} matches several feature types: {codes}</source>
      <translation>nama layer {name} cocok dengan beberapa unsur: {codes}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>no feature type matches layer name {name}</source>
      <translation>tidak ada unsur yang cocok dengan nama layer {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>an FCODE ends with eight digits: {code}</source>
      <translation>FCODE diakhiri delapan angka: {code}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>the layer name says {layer} but FCODE {code} is {geometry}</source>
      <translation>nama layer menyebut {layer}, tetapi FCODE {code} adalah {geometry}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>{letter} is not a KUGI category letter ({letters})</source>
      <translation>{letter} bukan huruf kategori KUGI ({letters})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>characters 3-4 of {code} give the geometry ({allowed}), not {digits}</source>
      <translation>karakter 3-4 dari {code} menyatakan geometri ({allowed}), bukan {digits}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi.py" />
      <source>characters 5-6 of {code} give the scale ({allowed}), not {digits}</source>
      <translation>karakter 5-6 dari {code} menyatakan skala ({allowed}), bukan {digits}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>the list of categories</source>
      <translation>daftar kategori</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>the previous catalogue is kept</source>
      <translation>katalog sebelumnya tetap dipakai</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>no catalogue was written</source>
      <translation>tidak ada katalog yang ditulis</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>checking the new catalogue</source>
      <translation>pemeriksaan katalog baru</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>the KUGI API listed no categories</source>
      <translation>API KUGI tidak memberikan satu kategori pun</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>writing {path}</source>
      <translation>penulisan {path}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>attribute {name}: unknown type {type}, read as String</source>
      <translation>atribut {name}: tipe {type} tidak dikenal, dibaca sebagai String</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>the KUGI cache is never written into the plugin's own folder: {path}</source>
      <translation>cache KUGI tidak pernah ditulis ke folder plugin sendiri: {path}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>category {name} (fcid {id})</source>
      <translation>kategori {name} (fcid {id})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>feature type {code}</source>
      <translation>unsur {code}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>{url}: {error}</source>
      <translation>{url}: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>{url} answered JSON that is not a list of rows</source>
      <translation>{url} menjawab dengan JSON yang bukan daftar baris</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>KUGI refresh failed at {step}: {error}; {kept}</source>
      <translation>Pembaruan KUGI gagal pada {step}: {error}; {kept}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>no answer</source>
      <translation>tidak ada jawaban</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/kugi_api.py" />
      <source>KUGI refresh canceled; {kept}</source>
      <translation>Pembaruan KUGI dibatalkan; {kept}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>the file does not exist</source>
      <translation>berkas tidak ada</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>the layer has no coordinate reference system</source>
      <translation>layer tidak memiliki sistem referensi koordinat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>Standards file {file}: {problem}</source>
      <translation>Berkas standar {file}: {problem}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>{name} ({code}) is SRGI2013, the national reference system</source>
      <translation>{name} ({code}) adalah SRGI2013, sistem referensi nasional</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>the file is not UTF-8: {error}</source>
      <translation>berkas bukan UTF-8: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>the file is not valid JSON: {error}</source>
      <translation>berkas bukan JSON yang valid: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>{code} is not a reference system for Indonesian SDI data; use SRGI2013 ({target})</source>
      <translation>{code} bukan sistem referensi untuk data geospasial Indonesia; gunakan SRGI2013 ({target})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>{name} ({code}) is accepted, but SRGI2013 is the national reference system: consider {target}</source>
      <translation>{name} ({code}) diterima, tetapi sistem referensi nasional adalah SRGI2013: pertimbangkan {target}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>{path}: {value} is not among the listed systems</source>
      <translation>{path}: {value} tidak termasuk sistem yang terdaftar</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>{name} ({code}) uses the legacy datum {datum}: transform it to {target} with {transformation}</source>
      <translation>{name} ({code}) memakai datum lama {datum}: transformasikan ke {target} dengan {transformation}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>{name} ({code}) is not a reference system for Indonesian SDI data</source>
      <translation>{name} ({code}) bukan sistem referensi untuk data geospasial Indonesia</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/standards/pack.py" />
      <source>{path}: {value} is not a valid XPath ({error})</source>
      <translation>{path}: {value} bukan XPath yang valid ({error})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/exercises.py" />
      <source>Simpul: sending exercise progress</source>
      <translation>Simpul: mengirim kemajuan latihan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/exercises.py" />
      <source>{file} is not a Simpul exercises file</source>
      <translation>{file} bukan berkas latihan Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/exercises.py" />
      <source>The exercises file {file} cannot be read: {error}</source>
      <translation>Berkas latihan {file} tidak dapat dibaca: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/exercises.py" />
      <source>{file}: step {n} needs a known id and a title and instruction in id and en</source>
      <translation>{file}: langkah {n} memerlukan id yang dikenal serta judul dan petunjuk dalam id dan en</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/exercises.py" />
      <source>{file}: step {n}: 'expect' must map detail names to texts</source>
      <translation>{file}: langkah {n}: 'expect' harus memetakan nama detail ke teks</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/exercises.py" />
      <source>Simpul: the exercise step {step} could not be sent to the lab node {url} ({why}); it is sent again with the next step.</source>
      <translation>Simpul: langkah latihan {step} belum terkirim ke simpul pelatihan {url} ({why}); akan dikirim lagi bersama langkah berikutnya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>The lab node was stopped.</source>
      <translation>Simpul pelatihan sudah dihentikan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>The lab node is starting …</source>
      <translation>Simpul pelatihan sedang dijalankan …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>No lab node started from this QGIS is running.</source>
      <translation>Tidak ada simpul pelatihan yang dijalankan dari QGIS ini.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>Enter the lab node's address, e.g. http://192.168.1.10:8765</source>
      <translation>Isi alamat simpul pelatihan, mis. http://192.168.1.10:8765</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>The password was not saved: QGIS's master password was not given.</source>
      <translation>Kata sandi tidak disimpan: kata sandi induk QGIS tidak diberikan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>Simpul lab node {url}</source>
      <translation>Simpul pelatihan {url}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>The password could not be saved in QGIS's authentication database.</source>
      <translation>Kata sandi tidak dapat disimpan di basis data autentikasi QGIS.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>This QGIS cannot start the lab node: {missing} is missing. In the Simpul checkout run 'make demo-node HOST=0.0.0.0' instead; participants then connect to this machine's address.</source>
      <translation>QGIS ini tidak dapat menjalankan simpul pelatihan: {missing} tidak ada. Jalankan 'make demo-node HOST=0.0.0.0' di folder Simpul; peserta lalu terhubung ke alamat komputer ini.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>The lab node is already running.</source>
      <translation>Simpul pelatihan sudah berjalan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>The lab node did not answer within {s:g} s; see {log}</source>
      <translation>Simpul pelatihan tidak menjawab dalam {s:g} detik; lihat {log}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>{text} is not a lab node address (http://HOST:PORT)</source>
      <translation>{text} bukan alamat simpul pelatihan (http://HOST:PORT)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>The lab node at {url} did not answer: {why}</source>
      <translation>Simpul pelatihan di {url} tidak menjawab: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>{url} is not a Simpul lab node: its node list is empty</source>
      <translation>{url} bukan simpul pelatihan Simpul: daftar simpulnya kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>QGIS's authentication database is not available: {why}</source>
      <translation>Basis data autentikasi QGIS tidak tersedia: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>{url} is not a Simpul lab node</source>
      <translation>{url} bukan simpul pelatihan Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>Resetting the lab node failed: {why}</source>
      <translation>Reset simpul pelatihan gagal: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>A Simpul node already answers on port {port} of this machine.</source>
      <translation>Sudah ada simpul Simpul yang menjawab di port {port} komputer ini.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>The lab node stopped while starting; the end of {log}:
{tail}</source>
      <translation>Simpul pelatihan berhenti saat dijalankan; bagian akhir {log}:
{tail}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>{url} is not a Simpul lab node: {why}</source>
      <translation>{url} bukan simpul pelatihan Simpul: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/training/lab.py" />
      <source>The lab node could not be started: {why}</source>
      <translation>Simpul pelatihan tidak dapat dijalankan: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>Write {fcode} in FCODE.</source>
      <translation>Isi FCODE dengan {fcode}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>Fill FCODE with {fcode} ({layer}).</source>
      <translation>Isi FCODE dengan {fcode} ({layer}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>{name} is empty; KUGI requires a value (Palapa refuses the upload).</source>
      <translation>{name} kosong; KUGI mewajibkan isinya (Palapa menolak unggahan).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>SRS_ID '{value}' does not name a reference system Simpul knows.</source>
      <translation>SRS_ID '{value}' tidak menyebut sistem referensi yang dikenal Simpul.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>Write '{value}' for data in SRGI2013.</source>
      <translation>Tulis '{value}' untuk data dalam SRGI2013.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>{name} holds more than {length} characters, the KUGI length; it would be cut.</source>
      <translation>{name} berisi lebih dari {length} karakter, panjang menurut KUGI; isinya akan terpotong.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>METADATA '{value}' is not the identifier of the metadata record ({id}).</source>
      <translation>METADATA '{value}' bukan pengenal rekaman metadata ({id}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>Write {id} in METADATA.</source>
      <translation>Isi METADATA dengan {id}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>Fill SRS_ID with '{value}' (the Fix dataset tool does this).</source>
      <translation>Isi SRS_ID dengan '{value}' (alat Perbaiki dataset melakukannya).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>FCODE '{value}' is not a KUGI feature code: {reason}.</source>
      <translation>FCODE '{value}' bukan kode unsur KUGI: {reason}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>SRS_ID '{value}' says {datum}, but the layer is in {crs}.</source>
      <translation>SRS_ID '{value}' menyebut {datum}, padahal layer dalam {crs}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>{name} = {value} is not in the KUGI domain ({codes}).</source>
      <translation>{name} = {value} tidak ada dalam domain KUGI ({codes}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>The layer has no {name} column; KUGI requires it (Palapa refuses the upload).</source>
      <translation>Layer tidak punya kolom {name}; KUGI mewajibkannya (Palapa menolak unggahan).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>FCODE {value} differs from {fcode}, the feature type of this layer ({layer}); a KUGI layer holds one feature type.</source>
      <translation>FCODE {value} berbeda dari {fcode}, jenis unsur layer ini ({layer}); satu layer KUGI hanya memuat satu jenis unsur.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>Add a text column {name} ({length} characters) and fill it on every feature.</source>
      <translation>Tambahkan kolom teks {name} ({length} karakter) dan isi pada setiap unsur.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>FCODE {value} is not in Simpul's KUGI catalogue ({version}); refresh the catalogue from the KUGI API to check it.</source>
      <translation>FCODE {value} tidak ada dalam katalog KUGI Simpul ({version}); perbarui katalog dari API KUGI untuk memeriksanya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/attribute_rules.py" />
      <source>FCODE '{value}' has spaces around it.</source>
      <translation>FCODE '{value}' diapit spasi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>no feature type matches</source>
      <translation>tidak ada jenis unsur yang cocok</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>The layer has no coordinate reference system (Palapa would take it as WGS 84, EPSG:4326).</source>
      <translation>Layer tidak punya sistem referensi koordinat (Palapa akan menganggapnya WGS 84, EPSG:4326).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Transform to {target} ({name}) with {steps}: the Fix dataset tool does it.</source>
      <translation>Transformasikan ke {target} ({name}) dengan {steps}: alat Perbaiki dataset melakukannya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Fill FCODE with the KUGI feature code, or give the feature type (FEATURE_TYPE).</source>
      <translation>Isi FCODE dengan kode unsur KUGI, atau berikan jenis unsurnya (FEATURE_TYPE).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>The layer holds {found} geometries but KUGI feature type {what} is a {expected} type.</source>
      <translation>Layer berisi geometri {found}, padahal jenis unsur KUGI {what} bertipe {expected}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Add these fields if you have the data; they may stay absent.</source>
      <translation>Tambahkan kolom ini bila datanya ada; boleh juga tidak ada.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>(read from a .prj without EPSG code, identified as {code})</source>
      <translation>(dibaca dari .prj tanpa kode EPSG, dikenali sebagai {code})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Assign the reference system the coordinates are in (Fix dataset, ASSIGN_CRS), then transform to SRGI2013.</source>
      <translation>Tetapkan sistem referensi koordinat yang dipakai data (Perbaiki dataset, ASSIGN_CRS), lalu transformasikan ke SRGI2013.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Layer name '{name}' does not follow KUGI: {reason}.</source>
      <translation>Nama layer '{name}' tidak mengikuti KUGI: {reason}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Layer name '{name}' should be in capitals: {upper}.</source>
      <translation>Nama layer '{name}' seharusnya huruf kapital: {upper}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>The KUGI feature type of layer '{name}' is not known: {reasons}.</source>
      <translation>Jenis unsur KUGI layer '{name}' tidak diketahui: {reasons}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Layer name '{name}' does not match its feature type {fcode}; KUGI names it {expected}.</source>
      <translation>Nama layer '{name}' tidak sesuai dengan jenis unsurnya {fcode}; KUGI menamainya {expected}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Optional KUGI attributes of {fcode} not in the layer: {names}.</source>
      <translation>Atribut KUGI opsional {fcode} yang tidak ada di layer: {names}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>The layer's reference system ({name}) has no EPSG code Simpul recognises; SRGI2013 is expected.</source>
      <translation>Sistem referensi layer ({name}) tidak punya kode EPSG yang dikenal Simpul; yang diharapkan SRGI2013.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Rename the layer to {expected}.</source>
      <translation>Ganti nama layer menjadi {expected}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Field '{field}' should be named {name} (KUGI names are in capitals).</source>
      <translation>Kolom '{field}' seharusnya bernama {name} (nama KUGI ditulis kapital).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Field {name} is {found}; KUGI defines it as {expected}.</source>
      <translation>Kolom {name} bertipe {found}; KUGI menetapkannya {expected}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/dataset_rules.py" />
      <source>Field {name} allows {found} characters; KUGI allows {expected}, so longer values would be cut.</source>
      <translation>Kolom {name} menampung {found} karakter; KUGI hanya {expected}, jadi isi yang lebih panjang akan terpotong.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/encoding.py" />
      <source>Text in {fields} is not valid {codec} although the Shapefile's {where} says so{guess}; it will show as garbled characters.</source>
      <translation>Teks di {fields} bukan {codec} yang sah walaupun {where} Shapefile menyatakannya{guess}; teks akan tampil sebagai karakter rusak.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/encoding.py" />
      <source>Text in {fields} has non-ASCII characters but the Shapefile does not say its encoding (no .cpg file){guess}; readers will guess, and guess wrong.</source>
      <translation>Teks di {fields} memuat karakter non-ASCII tetapi Shapefile tidak menyatakan pengodeannya (tidak ada berkas .cpg){guess}; aplikasi pembaca akan menebak, dan salah tebak.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/encoding.py" />
      <source>Trim the text (the Fix dataset tool does this).</source>
      <translation>Pangkas spasi pada teks (alat Perbaiki dataset melakukannya).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/encoding.py" />
      <source>{count} value(s) of {field} have spaces at the start or end.</source>
      <translation>{count} nilai {field} diawali atau diakhiri spasi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/encoding.py" />
      <source>Text in {field} looks garbled ('{value}'): it was decoded with the wrong code page.</source>
      <translation>Teks di {field} tampak rusak ('{value}'): dibaca dengan code page yang salah.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/encoding.py" />
      <source>(it looks like {codec})</source>
      <translation>(tampaknya {codec})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/engine.py" />
      <source>The layer has no features: there is nothing to publish.</source>
      <translation>Layer tidak berisi unsur: tidak ada yang bisa dipublikasikan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/engine.py" />
      <source>Check that you exported the right layer.</source>
      <translation>Periksa apakah layer yang diekspor sudah benar.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/engine.py" />
      <source>Skipped (no geometry): {table}</source>
      <translation>Dilewati (tanpa geometri): {table}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/engine.py" />
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>{path} does not exist.</source>
      <translation>{path} tidak ada.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/engine.py" />
      <source>Validating {name} ({n} of {total}) …</source>
      <translation>Memvalidasi {name} ({n} dari {total}) …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/engine.py" />
      <source>Skipped (not a vector dataset): {path}</source>
      <translation>Dilewati (bukan dataset vektor): {path}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/errorlayer.py" />
      <location filename="../sdi_plugin/core/validate/outputs.py" />
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>error layer</source>
      <translation>layer kesalahan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/errorlayer.py" />
      <source>Simpul validation findings by severity</source>
      <translation>Temuan validasi Simpul menurut tingkat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/errorlayer.py" />
      <source>Could not write the error layer {path}: {error}</source>
      <translation>Layer kesalahan {path} tidak dapat ditulis: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>fixed dataset</source>
      <translation>dataset hasil perbaikan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>The data has no reference system and none was given to assign (ASSIGN_CRS); it is written without one.</source>
      <translation>Data tidak punya sistem referensi dan tidak ada yang diberikan untuk ditetapkan (ASSIGN_CRS); data ditulis tanpa sistem referensi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>Reference system {crs} assigned.</source>
      <translation>Sistem referensi {crs} ditetapkan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>Write the fixed dataset as a GeoPackage (.gpkg) or a Shapefile (.shp), not {ext}.</source>
      <translation>Tulis dataset hasil perbaikan sebagai GeoPackage (.gpkg) atau Shapefile (.shp), bukan {ext}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>The output {path} is the source dataset itself; the fix never writes to the source. Choose a new file.</source>
      <translation>Keluaran {path} adalah dataset sumber itu sendiri; perbaikan tidak pernah menulis ke sumber. Pilih berkas baru.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>Transformed from {src} to {dst}{how}.</source>
      <translation>Ditransformasikan dari {src} ke {dst}{how}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>Text read as {codec} and written as UTF-8.</source>
      <translation>Teks dibaca sebagai {codec} dan ditulis sebagai UTF-8.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>The .prj without EPSG code was read as {crs}.</source>
      <translation>.prj tanpa kode EPSG dibaca sebagai {crs}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>with {op}</source>
      <translation>dengan {op}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/fix.py" />
      <source>Feature {fid} could not be transformed; it is written unchanged.</source>
      <translation>Unsur {fid} tidak dapat ditransformasikan; ditulis tanpa perubahan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>invalid geometry</source>
      <translation>geometri tidak valid</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <source>The feature lies outside Indonesia (lon/lat {where}); x and y look swapped.</source>
      <translation>Unsur berada di luar Indonesia (bujur/lintang {where}); x dan y tampaknya tertukar.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <source>The feature's coordinates cannot be placed on Earth in the layer's reference system.</source>
      <translation>Koordinat unsur tidak dapat ditempatkan di Bumi dalam sistem referensi layer.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source> at {x}, {y}</source>
      <translation> di {x}, {y}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>Feature {fid} repeats feature {first}: same geometry and same attributes.</source>
      <translation>Unsur {fid} mengulang unsur {first}: geometri dan atribut sama.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>Feature {fid} has the same geometry as feature {first} (attributes differ).</source>
      <translation>Unsur {fid} bergeometri sama dengan unsur {first} (atributnya berbeda).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <source>Part of the feature lies outside Indonesia (lon/lat {where}).</source>
      <translation>Sebagian unsur berada di luar Indonesia (bujur/lintang {where}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>Invalid geometry: {reason}{where}.</source>
      <translation>Geometri tidak valid: {reason}{where}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <source>The feature lies outside Indonesia (lon/lat {where}).</source>
      <translation>Unsur berada di luar Indonesia (bujur/lintang {where}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>The feature has no geometry (it is {what}).</source>
      <translation>Unsur tidak punya geometri (geometrinya {what}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>NULL</source>
      <translation>NULL</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>empty</source>
      <translation>kosong</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/geometry_rules.py" />
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>Sliver polygon: on average {width} m wide, narrower than {minimum} m (0.5 mm at 1:{scale}).</source>
      <translation>Poligon sliver: rata-rata lebarnya {width} m, lebih sempit dari {minimum} m (0,5 mm pada skala 1:{scale}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <location filename="../sdi_plugin/core/validate/outputs.py" />
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>HTML report</source>
      <translation>laporan HTML</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Errors</source>
      <translation>Kesalahan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Warnings</source>
      <translation>Peringatan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Infos</source>
      <translation>Info</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>No errors: the data meets every rule checked. Look at the warnings before sharing it.</source>
      <translation>Tidak ada kesalahan: data memenuhi semua aturan yang diperiksa. Perhatikan peringatan sebelum membagikannya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>Validation report: {name}</source>
      <translation>Laporan validasi: {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>The validation was canceled: this report is incomplete.</source>
      <translation>Validasi dibatalkan: laporan ini tidak lengkap.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>No findings.</source>
      <translation>Tidak ada temuan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Rule</source>
      <translation>Aturan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>What is checked</source>
      <translation>Yang diperiksa</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>How to fix</source>
      <translation>Cara memperbaiki</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <location filename="../sdi_plugin/processing/base.py" />
      <source>Dataset</source>
      <translation>Dataset</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>FCODE</source>
      <translation>FCODE</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Reference system</source>
      <translation>Sistem referensi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>Features</source>
      <translation>Unsur</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Severity</source>
      <translation>Tingkat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Feature</source>
      <translation>Unsur</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>Finding and fix</source>
      <translation>Temuan dan perbaikan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>Map</source>
      <translation>Peta</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>Findings by rule</source>
      <translation>Temuan per aturan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>All findings</source>
      <translation>Semua temuan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>Findings by rule and severity</source>
      <translation>Temuan per aturan dan tingkat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>Datasets</source>
      <translation>Dataset</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>{n} error(s) must be fixed before the data is shared.</source>
      <translation>{n} kesalahan harus diperbaiki sebelum data dibagikan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>… and {n} more findings: see the JSON report.</source>
      <translation>… dan {n} temuan lagi: lihat laporan JSON.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>{count} features · {geometry} · {crs} · KUGI {fcode} {layer}</source>
      <translation>{count} unsur · {geometry} · {crs} · KUGI {fcode} {layer}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>Rules run: {rules}.</source>
      <translation>Aturan yang dijalankan: {rules}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>no CRS</source>
      <translation>tanpa sistem referensi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>feature type unknown</source>
      <translation>jenis unsur tidak diketahui</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>Map of {name}</source>
      <translation>Peta {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>Source: {source}</source>
      <translation>Sumber: {source}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/html_report.py" />
      <source>Checked on {date} with {generator} against {standard} {version}</source>
      <translation>Diperiksa pada {date} dengan {generator} terhadap {standard} {version}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/metadata_seam.py" />
      <source>Metadata {name}: complete.</source>
      <translation>Metadata {name}: lengkap.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/metadata_seam.py" />
      <source>No ISO metadata file was given or found beside the dataset ({names}); metadata was not checked.</source>
      <translation>Tidak ada berkas metadata ISO yang diberikan atau ditemukan di samping dataset ({names}); metadata tidak diperiksa.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/metadata_seam.py" />
      <source>The metadata checker failed on {name}: {error}</source>
      <translation>Pemeriksa metadata gagal pada {name}: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/outputs.py" />
      <location filename="../sdi_plugin/core/validate/report.py" />
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>JSON report</source>
      <translation>laporan JSON</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/outputs.py" />
      <source>Writing the HTML report …</source>
      <translation>Menulis laporan HTML …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/outputs.py" />
      <source>{path} is a file of the dataset being validated; choose another output.</source>
      <translation>{path} adalah berkas dataset yang sedang divalidasi; pilih keluaran lain.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/pipeline.py" />
      <source>Project layers</source>
      <translation>Layer proyek</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/pipeline.py" />
      <source>Validating {name} …</source>
      <translation>Memvalidasi {name} …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>the user name or password is wrong (check the connection's authentication configuration)</source>
      <translation>nama pengguna atau kata sandi salah (periksa konfigurasi autentikasi koneksi)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>the Python module psycopg2 is not installed</source>
      <translation>modul Python psycopg2 tidak terpasang</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>The Python module psycopg2 is not installed.</source>
      <translation>Modul Python psycopg2 tidak terpasang.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>the database server does not answer (is it running, and is the host and port right?)</source>
      <translation>server basis data tidak menjawab (apakah sedang berjalan, dan apakah host dan port-nya benar?)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>Cannot connect to the PostGIS database {db} on {host}: {why}.</source>
      <translation>Tidak dapat terhubung ke basis data PostGIS {db} di {host}: {why}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>The connection to the PostGIS database was lost while validating {table} ({error}). Nothing was written to the database; validate again when it is reachable.</source>
      <translation>Koneksi ke basis data PostGIS terputus saat memvalidasi {table} ({error}). Tidak ada yang ditulis ke basis data; validasi ulang setelah basis data dapat dihubungi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>PostGIS refused a statement while validating {table} ({error}). Nothing was written to the database.</source>
      <translation>PostGIS menolak sebuah perintah saat memvalidasi {table} ({error}). Tidak ada yang ditulis ke basis data.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>the layer has a filter</source>
      <translation>layer memakai filter</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>the table was not found in the database</source>
      <translation>tabel tidak ditemukan di basis data</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>the database user may not read the table (SELECT privilege)</source>
      <translation>pengguna basis data tidak boleh membaca tabel (hak SELECT)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>the table has no single-column primary key to name its features by</source>
      <translation>tabel tidak memiliki primary key satu kolom untuk menamai fiturnya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>its geometry column holds several geometry types and the layer shows only some of them</source>
      <translation>kolom geometrinya berisi beberapa jenis geometri dan layer hanya menampilkan sebagian</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>the database does not exist</source>
      <translation>basis data tidak ada</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>the layer has no geometry column</source>
      <translation>layer tidak memiliki kolom geometri</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>{table}: the rules ran in QGIS, not in the database, because {why}.</source>
      <translation>{table}: aturan dijalankan di QGIS, bukan di basis data, karena {why}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>unknown error</source>
      <translation>kesalahan tidak dikenal</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>the database user may not run the PostGIS functions {names} (EXECUTE privilege)</source>
      <translation>pengguna basis data tidak boleh menjalankan fungsi PostGIS {names} (hak EXECUTE)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>its key column {key} is not an integer (QGIS numbers such features itself)</source>
      <translation>kolom kuncinya {key} bukan bilangan bulat (QGIS menomori sendiri fitur seperti itu)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>The table stores {name} (EPSG:{code}) under SRID {srid}, a number made up when it was loaded (PostGIS's spatial_ref_sys has no row for EPSG:{code}); other software will not recognise it. The SRID should be the EPSG code, {code}.</source>
      <translation>Tabel menyimpan {name} (EPSG:{code}) dengan SRID {srid}, nomor buatan saat data dimuat (spatial_ref_sys PostGIS tidak memiliki baris EPSG:{code}); perangkat lunak lain tidak akan mengenalinya. SRID seharusnya kode EPSG, yaitu {code}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>the statement was canceled</source>
      <translation>perintah SQL dibatalkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <source>Write the table again with SRID {code} (Fix dataset to PostGIS, with 'Add the missing spatial_ref_sys rows' if the database lacks it).</source>
      <translation>Tulis ulang tabel dengan SRID {code} (Perbaiki dataset ke PostGIS, dengan 'Tambahkan baris spatial_ref_sys yang belum ada' bila basis data belum memilikinya).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <location filename="../sdi_plugin/core/validate/topology.py" />
      <source>Features {a} and {b} overlap over {area} m².</source>
      <translation>Unsur {a} dan {b} tumpang tindih seluas {area} m².</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_engine.py" />
      <location filename="../sdi_plugin/core/validate/topology.py" />
      <source>Gap of {area} m² between features {ids}.</source>
      <translation>Celah seluas {area} m² di antara unsur {ids}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_sources.py" />
      <source>This QGIS has no PostgreSQL provider.</source>
      <translation>QGIS ini tidak memiliki penyedia (provider) PostgreSQL.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_sources.py" />
      <source>No PostGIS connection given.</source>
      <translation>Koneksi PostGIS belum diisi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_sources.py" />
      <source>No database schema given.</source>
      <translation>Skema basis data belum diisi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_sources.py" />
      <source>The PostGIS table {table} could not be opened{reason}.</source>
      <translation>Tabel PostGIS {table} tidak dapat dibuka{reason}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_sources.py" />
      <source>The database has no schema called {schema} (it has: {schemas}).</source>
      <translation>Basis data tidak memiliki skema bernama {schema} (yang ada: {schemas}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_sources.py" />
      <source>There is no saved PostGIS connection called {name}.</source>
      <translation>Tidak ada koneksi PostGIS tersimpan bernama {name}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_sources.py" />
      <source>The PostGIS connection could not be made: {error}</source>
      <translation>Koneksi PostGIS tidak dapat dibuat: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_sources.py" />
      <source>Cannot read the database: {error}</source>
      <translation>Tidak dapat membaca basis data: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_sources.py" />
      <source>The database has no table or view {table} with a geometry column.</source>
      <translation>Basis data tidak memiliki tabel atau view {table} dengan kolom geometri.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_sources.py" />
      <source>The geometry column of {table} holds several geometry types ({types}); a KUGI dataset has one. Add the layer of one type (QGIS lists one per type) or split the table.</source>
      <translation>Kolom geometri {table} berisi beberapa jenis geometri ({types}); dataset KUGI hanya memiliki satu. Tambahkan layer untuk satu jenis saja (QGIS menampilkan satu layer per jenis) atau pisahkan tabelnya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_write.py" />
      <source>The fixed dataset has no EPSG reference system to use as the SRID.</source>
      <translation>Dataset hasil perbaikan tidak memiliki sistem referensi EPSG untuk dipakai sebagai SRID.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_write.py" />
      <source>Give the schema and the name of the new table.</source>
      <translation>Isi skema dan nama tabel baru.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_write.py" />
      <source>The fixed dataset {path} could not be read.</source>
      <translation>Dataset hasil perbaikan {path} tidak dapat dibaca.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_write.py" />
      <source>Writing {schema}.{table} failed: {error}</source>
      <translation>Penulisan {schema}.{table} gagal: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_write.py" />
      <source>{schema}.{table} was written with SRID {srid} instead of {code}.</source>
      <translation>{schema}.{table} tertulis dengan SRID {srid}, bukan {code}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_write.py" />
      <source>Writing to the database failed: {error}</source>
      <translation>Penulisan ke basis data gagal: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_write.py" />
      <source>The database has no schema called {schema}.</source>
      <translation>Basis data tidak memiliki skema bernama {schema}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_write.py" />
      <source>{schema}.{table} already exists; Simpul writes the fixed dataset only to a new table. Choose another name.</source>
      <translation>{schema}.{table} sudah ada; Simpul hanya menulis dataset hasil perbaikan ke tabel baru. Pilih nama lain.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_write.py" />
      <source>Added EPSG:{code} ({name}) to spatial_ref_sys.</source>
      <translation>EPSG:{code} ({name}) ditambahkan ke spatial_ref_sys.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_write.py" />
      <source>The database's spatial_ref_sys has no row for EPSG:{code}, so a table with SRID {code} cannot be written. Tick 'Add the missing spatial_ref_sys rows' (ADD_SPATIAL_REF_SYS) or ask the database administrator to add it.</source>
      <translation>spatial_ref_sys di basis data tidak memiliki baris EPSG:{code}, sehingga tabel dengan SRID {code} tidak dapat ditulis. Centang 'Tambahkan baris spatial_ref_sys yang belum ada' (ADD_SPATIAL_REF_SYS) atau minta administrator basis data menambahkannya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/postgis_write.py" />
      <source>The database user may not add rows to spatial_ref_sys (EPSG:{code} is missing); ask the database administrator to add it.</source>
      <translation>Pengguna basis data tidak boleh menambah baris ke spatial_ref_sys (EPSG:{code} belum ada); minta administrator basis data menambahkannya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Layer name follows KUGI (THEME_GEOMETRY_SCALE)</source>
      <translation>Nama layer mengikuti KUGI (TEMA_GEOMETRI_SKALA)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Rename the layer (or the Shapefile) to the KUGI name of its feature type, e.g. JALAN_LN_25K.</source>
      <translation>Ganti nama layer (atau Shapefile) menjadi nama KUGI jenis unsurnya, mis. JALAN_LN_25K.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Geometry type matches the KUGI feature type</source>
      <translation>Tipe geometri sesuai jenis unsur KUGI</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Store the features in a layer of the geometry KUGI defines for the feature type (PT point, LN line, AR polygon), or use the FCODE of the right feature type.</source>
      <translation>Simpan unsur dalam layer bergeometri sesuai ketentuan KUGI untuk jenis unsurnya (PT titik, LN garis, AR poligon), atau pakai FCODE jenis unsur yang benar.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Required KUGI attributes are present and filled</source>
      <translation>Atribut wajib KUGI ada dan terisi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Add the missing column and fill it on every feature (FCODE with the KUGI feature code).</source>
      <translation>Tambahkan kolom yang hilang dan isi pada setiap unsur (FCODE dengan kode unsur KUGI).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Attribute types and lengths follow KUGI</source>
      <translation>Tipe dan panjang atribut mengikuti KUGI</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Change the field to the KUGI type and length (e.g. with Refactor fields).</source>
      <translation>Ubah kolom ke tipe dan panjang KUGI (mis. dengan Refactor fields).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>FCODE is a valid KUGI feature code of this layer</source>
      <translation>FCODE adalah kode unsur KUGI yang sah untuk layer ini</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Write the FCODE of the feature type: 2 capital letters and 8 digits, e.g. CA02070160.</source>
      <translation>Tulis FCODE jenis unsurnya: 2 huruf kapital dan 8 angka, mis. CA02070160.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Coded values are in the KUGI domain</source>
      <translation>Nilai kode ada dalam domain KUGI</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Replace the value with one of the codes the KUGI domain lists.</source>
      <translation>Ganti nilainya dengan salah satu kode dalam domain KUGI.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>SRS_ID names the reference system</source>
      <translation>SRS_ID menyebut sistem referensi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Fill SRS_ID with the reference system of the data, 'SRGI 2013' for SRGI2013 (the Fix dataset tool does this).</source>
      <translation>Isi SRS_ID dengan sistem referensi data, 'SRGI 2013' untuk SRGI2013 (alat Perbaiki dataset melakukannya).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>METADATA refers to the metadata record</source>
      <translation>METADATA merujuk ke rekaman metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Fill METADATA with the identifier of the dataset's metadata record.</source>
      <translation>Isi METADATA dengan pengenal rekaman metadata dataset.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Reference system is SRGI2013</source>
      <translation>Sistem referensi adalah SRGI2013</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Transform the data to SRGI2013 (the Fix dataset tool uses EPSG:9472 for DGN95).</source>
      <translation>Transformasikan data ke SRGI2013 (alat Perbaiki dataset memakai EPSG:9472 untuk DGN95).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Geometries are valid (GEOS)</source>
      <translation>Geometri valid (GEOS)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Repair the geometry (Fix geometries, or the Fix dataset tool) and check the result.</source>
      <translation>Perbaiki geometrinya (Fix geometries, atau alat Perbaiki dataset) dan periksa hasilnya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Every feature has a geometry</source>
      <translation>Setiap unsur punya geometri</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Draw the missing geometry or delete the record.</source>
      <translation>Gambar geometri yang hilang atau hapus rekamannya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>No feature is stored twice</source>
      <translation>Tidak ada unsur yang tercatat ganda</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Delete the duplicate feature, keeping the one with the right attributes.</source>
      <translation>Hapus unsur ganda, pertahankan yang atributnya benar.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Polygons do not overlap</source>
      <translation>Poligon tidak tumpang tindih</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Edit the shared boundary so that each area belongs to one polygon only (snapping and topological editing help).</source>
      <translation>Sunting batas bersama agar setiap area hanya milik satu poligon (snapping dan penyuntingan topologi membantu).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>No gaps between the units of a coverage</source>
      <translation>Tidak ada celah antar-unit wilayah</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Move the neighbouring boundaries onto each other so that the gap closes.</source>
      <translation>Himpitkan batas-batas yang bertetangga agar celahnya tertutup.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>No sliver polygons</source>
      <translation>Tidak ada poligon sliver</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Merge the sliver into the neighbour it was split from (Eliminate selected polygons).</source>
      <translation>Gabungkan sliver ke poligon tetangga asalnya (Eliminate selected polygons).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Text is readable (encoding)</source>
      <translation>Teks terbaca (pengodean)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Save the data as UTF-8 (GeoPackage, or Shapefile with a .cpg file saying UTF-8); the Fix dataset tool re-encodes it.</source>
      <translation>Simpan data dalam UTF-8 (GeoPackage, atau Shapefile dengan berkas .cpg berisi UTF-8); alat Perbaiki dataset mengodekannya ulang.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Features lie within Indonesia</source>
      <translation>Unsur berada di wilayah Indonesia</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Check the reference system and the axis order (longitude is x, latitude is y).</source>
      <translation>Periksa sistem referensi dan urutan sumbu (bujur adalah x, lintang adalah y).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>ISO metadata is complete (SNI 8843-1)</source>
      <translation>Metadata ISO lengkap (SNI 8843-1)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Write the dataset's metadata in the Metadata tab and give its XML file to the validator.</source>
      <translation>Tulis metadata dataset di tab Metadata dan berikan berkas XML-nya ke validator.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>The dataset can be read</source>
      <translation>Dataset dapat dibaca</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/rules.py" />
      <source>Open the file in QGIS to see what is wrong; export it again from its source.</source>
      <translation>Buka berkas di QGIS untuk melihat masalahnya; ekspor ulang dari sumbernya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/settings.py" />
      <source>a number, 0 or more</source>
      <translation>angka, 0 atau lebih</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/settings.py" />
      <source>a box with min &lt; max</source>
      <translation>kotak dengan min &lt; maks</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/severity.py" />
      <source>Error</source>
      <translation>Kesalahan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/severity.py" />
      <source>Warning</source>
      <translation>Peringatan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/severity.py" />
      <source>Info</source>
      <translation>Info</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <source>No dataset given.</source>
      <translation>Tidak ada dataset yang diberikan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <source>{path} is a folder; validate a folder with the batch tool (sdi:validatefolder).</source>
      <translation>{path} adalah folder; validasi folder dengan alat batch (sdi:validatefolder).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <source>{name}: the format {ext} is not supported. Simpul validates vector datasets: {formats}.</source>
      <translation>{name}: format {ext} tidak didukung. Simpul memvalidasi dataset vektor: {formats}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <source>{path} cannot be read (no permission).</source>
      <translation>{path} tidak dapat dibaca (tidak ada izin).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <source>{path} is empty (0 bytes).</source>
      <translation>{path} kosong (0 bita).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <source>{name} could not be opened as a vector dataset; the file may be damaged or not a GIS file.{reason}</source>
      <translation>{name} tidak dapat dibuka sebagai dataset vektor; berkas mungkin rusak atau bukan berkas SIG.{reason}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <source>{name} has no layer called {layer} (it has: {layers}).</source>
      <translation>{name} tidak punya layer bernama {layer} (yang ada: {layers}).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <source>{name} could not be opened; the file may be damaged.{reason}</source>
      <translation>{name} tidak dapat dibuka; berkas mungkin rusak.{reason}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <source>{name} is a table without geometry; KUGI datasets are spatial layers.</source>
      <translation>{name} adalah tabel tanpa geometri; dataset KUGI adalah layer spasial.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/sources.py" />
      <source>{path} is not a folder.</source>
      <translation>{path} bukan folder.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/core/validate/topology.py" />
      <source>The gap check could not run: {error}</source>
      <translation>Pemeriksaan celah tidak dapat dijalankan: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/add_layers.py" />
      <source>Simpul: loading {count} layer(s)</source>
      <translation>Simpul: memuat {count} layer</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/browser.py" />
      <source>Records (offline cache)</source>
      <translation>Rekaman (cache luring)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/browser.py" />
      <source>Load with Simpul</source>
      <translation>Muat dengan Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/browser.py" />
      <source>(no province)</source>
      <translation>(tanpa provinsi)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/browser.py" />
      <source>No known service yet: check the node in the Simpul panel.</source>
      <translation>Belum ada layanan yang dikenali: periksa simpul di panel Simpul.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/browser.py" />
      <source>No records cached yet: search or harvest this node.</source>
      <translation>Belum ada rekaman di cache: cari atau panen simpul ini.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/browser.py" />
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>Not verified: known only from third-party material ({source})</source>
      <translation>Belum terverifikasi: hanya diketahui dari sumber pihak ketiga ({source})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/browser.py" />
      <source>The offline cache could not be read: {why}</source>
      <translation>Cache luring tidak dapat dibaca: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/contact_dialog.py" />
      <source>Who publishes this metadata</source>
      <translation>Siapa yang menerbitkan metadata ini</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/contact_dialog.py" />
      <source>Remember</source>
      <translation>Ingat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/contact_dialog.py" />
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Organisation</source>
      <translation>Organisasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/contact_dialog.py" />
      <source>e.g. Bappeda Kabupaten Paser</source>
      <translation>mis. Bappeda Kabupaten Paser</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/contact_dialog.py" />
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Contact person</source>
      <translation>Narahubung</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/contact_dialog.py" />
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>E-mail</source>
      <translation>Surel</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/contact_dialog.py" />
      <source>Place (for titles)</source>
      <translation>Wilayah (untuk judul)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/contact_dialog.py" />
      <source>e.g. Kabupaten Paser</source>
      <translation>mis. Kabupaten Paser</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/contact_dialog.py" />
      <source>required</source>
      <translation>wajib diisi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/contact_dialog.py" />
      <source>Asked once for {node}: Simpul remembers it for every record you describe for this node.</source>
      <translation>Ditanyakan sekali untuk {node}: Simpul mengingatnya untuk setiap rekaman metadata yang Anda buat bagi simpul ini.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/contact_dialog.py" />
      <source>this computer</source>
      <translation>komputer ini</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/directory_dialog.py" />
      <source>Simpul: refreshing the node directory</source>
      <translation>Simpul: memperbarui direktori simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/directory_dialog.py" />
      <source>Add nodes from the JIGN directory</source>
      <translation>Tambah simpul dari direktori JIGN</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/directory_dialog.py" />
      <source>Filter by name or province</source>
      <translation>Saring menurut nama atau provinsi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/directory_dialog.py" />
      <source>Directory URL (optional)</source>
      <translation>URL direktori (opsional)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/directory_dialog.py" />
      <source>Refresh</source>
      <translation>Perbarui</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/directory_dialog.py" />
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Add</source>
      <translation>Tambah</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/directory_dialog.py" />
      <location filename="../sdi_plugin/gui/node_list.py" />
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Node</source>
      <translation>Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/directory_dialog.py" />
      <source>Verified</source>
      <translation>Terverifikasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/directory_dialog.py" />
      <source>{count} nodes, directory version {version}. Nodes marked unverified are known only from third-party material; check them before you rely on them.</source>
      <translation>{count} simpul, direktori versi {version}. Simpul yang belum terverifikasi hanya diketahui dari sumber pihak ketiga; periksa dulu sebelum Anda mengandalkannya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/directory_dialog.py" />
      <source>yes</source>
      <translation>ya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/directory_dialog.py" />
      <source>no</source>
      <translation>tidak</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Nodes</source>
      <translation>Simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Search</source>
      <translation>Cari</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Nodes (simpul jaringan) of the JIGN network you work with.</source>
      <translation>Simpul jaringan JIGN yang Anda gunakan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>By address…</source>
      <translation>Dengan alamat…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>From the JIGN directory…</source>
      <translation>Dari direktori JIGN…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Add node…</source>
      <translation>Tambah simpul…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Check</source>
      <translation>Periksa</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Detect the node's services and check its health now</source>
      <translation>Deteksi layanan simpul dan periksa kesehatannya sekarang</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Remove</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Import…</source>
      <translation>Impor…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Import…: add the nodes of a node list file (JSON)</source>
      <translation>Impor…: tambahkan simpul dari berkas daftar simpul (JSON)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Export…</source>
      <translation>Ekspor…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Export…: save your nodes as a node list file (JSON), without credentials</source>
      <translation>Ekspor…: simpan simpul Anda sebagai berkas daftar simpul (JSON), tanpa kredensial</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Import a node list</source>
      <translation>Impor daftar simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Node lists (*.json)</source>
      <translation>Daftar simpul (*.json)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Export your nodes</source>
      <translation>Ekspor simpul Anda</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>{added} node(s) added, {updated} updated from {file}.</source>
      <translation>{added} simpul ditambahkan, {updated} diperbarui dari {file}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>{count} node(s) written to {file}.</source>
      <translation>{count} simpul ditulis ke {file}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Loading {count} layer(s) in the background…</source>
      <translation>Memuat {count} layer di latar belakang…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>Some nodes use an authentication configuration. Write its id (never the password) into the file? Only useful for computers that have the same configuration.</source>
      <translation>Beberapa simpul memakai konfigurasi autentikasi. Tulis id-nya (tidak pernah kata sandinya) ke dalam berkas? Hanya berguna untuk komputer yang memiliki konfigurasi yang sama.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>{count} layer(s) added to the map.</source>
      <translation>{count} layer ditambahkan ke peta.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>{title}: {why}</source>
      <translation>{title}: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>{count} node(s) added from the JIGN directory.</source>
      <translation>{count} simpul ditambahkan dari direktori JIGN.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/discover_page.py" />
      <source>The node list could not be written: {why}</source>
      <translation>Daftar simpul tidak dapat ditulis: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <location filename="../sdi_plugin/processing/base.py" />
      <source>Discover</source>
      <translation>Temukan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <location filename="../sdi_plugin/gui/flow_view.py" />
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <location filename="../sdi_plugin/processing/base.py" />
      <source>Validate</source>
      <translation>Validasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <location filename="../sdi_plugin/gui/flow_view.py" />
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <location filename="../sdi_plugin/processing/base.py" />
      <source>Metadata</source>
      <translation>Metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <location filename="../sdi_plugin/gui/flow_view.py" />
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <location filename="../sdi_plugin/processing/base.py" />
      <source>Publish</source>
      <translation>Publikasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/dock.py" />
      <source>Training</source>
      <translation>Latihan</translation>
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
      <source>Follow QGIS</source>
      <translation>Ikuti QGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>Fix the dataset — standardise to KUGI</source>
      <translation>Perbaiki dataset — standarkan ke KUGI</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>Search: name, FCODE, alias or definition (e.g. persil, jalan)</source>
      <translation>Cari: nama, FCODE, alias atau definisi (mis. persil, jalan)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)</source>
      <translation>GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>3. New file</source>
      <translation>3. Berkas baru</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <location filename="../sdi_plugin/gui/flow_view.py" />
      <source>Fix</source>
      <translation>Perbaiki</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>same name</source>
      <translation>nama sama</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>alias</source>
      <translation>alias</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>similar name</source>
      <translation>nama mirip</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>yours</source>
      <translation>pilihan Anda</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>KUGI column</source>
      <translation>Kolom KUGI</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>From field</source>
      <translation>Dari kolom</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>How</source>
      <translation>Cara</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>Choose a KUGI feature type first.</source>
      <translation>Pilih jenis unsur KUGI dulu.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>Give the new file a name.</source>
      <translation>Beri nama berkas baru.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>The new file must not be the source: the source is never written.</source>
      <translation>Berkas baru tidak boleh sama dengan sumbernya: berkas sumber tidak pernah ditulisi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>The new file must be a GeoPackage (.gpkg) or a Shapefile (.shp).</source>
      <translation>Berkas baru harus GeoPackage (.gpkg) atau Shapefile (.shp).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>Simpul writes a new, standardised copy of {layer}: KUGI columns and names, FCODE, SRS_ID, METADATA, valid geometry in SRGI2013, UTF-8 text. The source is not changed.</source>
      <translation>Simpul menulis salinan baru {layer} yang sudah standar: kolom dan nama KUGI, FCODE, SRS_ID, METADATA, geometri valid dalam SRGI2013, teks UTF-8. Berkas sumber tidak diubah.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>Suggested for this dataset</source>
      <translation>Saran untuk dataset ini</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>All feature types of this geometry</source>
      <translation>Semua jenis unsur dengan geometri ini</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>(filled by Simpul)</source>
      <translation>(diisi Simpul)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>(empty)</source>
      <translation>(kosong)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>1. KUGI feature type</source>
      <translation>1. Jenis unsur KUGI</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>2. Field map</source>
      <translation>2. Pemetaan kolom</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>Kept as they are (not KUGI columns): {fields}</source>
      <translation>Dibiarkan apa adanya (bukan kolom KUGI): {fields}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/fix_dialog.py" />
      <source>No KUGI feature type matches “{text}”.</source>
      <translation>Tidak ada jenis unsur KUGI yang cocok dengan “{text}”.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/flow_view.py" />
      <source>validated</source>
      <translation>tervalidasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/flow_view.py" />
      <source>fixed</source>
      <translation>diperbaiki</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/flow_view.py" />
      <source>described</source>
      <translation>bermetadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/flow_view.py" />
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>published</source>
      <translation>terbit</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/flow_view.py" />
      <source>not yet</source>
      <translation>belum</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/flow_view.py" />
      <source>{errors} error(s), {warnings} warning(s)</source>
      <translation>{errors} kesalahan, {warnings} peringatan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/health_monitor.py" />
      <source>Simpul: checking node {name}</source>
      <translation>Simpul: memeriksa simpul {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/health_monitor.py" />
      <source>Node {name} did not answer: {why}</source>
      <translation>Simpul {name} tidak menjawab: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Training (bimtek): follow these steps. Each step ticks itself when Simpul sees you complete it.</source>
      <translation>Latihan (bimtek): ikuti langkah-langkah ini. Setiap langkah tercentang sendiri saat Simpul melihat Anda menyelesaikannya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Participant</source>
      <translation>Peserta</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Your name, e.g. Budi Santoso</source>
      <translation>Nama Anda, mis. Budi Santoso</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Connect</source>
      <translation>Hubungkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>for publishing; the trainer tells you</source>
      <translation>untuk publikasi; diberikan oleh pelatih</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Lab node</source>
      <translation>Simpul pelatihan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Password</source>
      <translation>Kata sandi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Exercises</source>
      <translation>Langkah latihan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Open training dataset</source>
      <translation>Buka dataset latihan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Start over</source>
      <translation>Mulai ulang</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Clear the ticks on this computer (the lab node keeps what it received).</source>
      <translation>Hapus centang di komputer ini (simpul pelatihan tetap menyimpan yang sudah diterimanya).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Trainer</source>
      <translation>Pelatih</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Run the lab node on this computer; participants connect to the address below.</source>
      <translation>Jalankan simpul pelatihan di komputer ini; peserta terhubung ke alamat di bawah.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Start training node</source>
      <translation>Mulai simpul pelatihan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Stop</source>
      <translation>Hentikan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Reset</source>
      <translation>Reset</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Back to the clean training state: clears everybody's progress and removes what participants added to the catalogue.</source>
      <translation>Kembali ke keadaan awal latihan: menghapus kemajuan semua peserta dan rekaman yang ditambahkan peserta ke katalog.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Copy address</source>
      <translation>Salin alamat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Refresh progress</source>
      <translation>Perbarui kemajuan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Not connected to a lab node: enter the address the trainer gives you and press Connect.</source>
      <translation>Belum terhubung ke simpul pelatihan: isi alamat dari pelatih lalu tekan Hubungkan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Simpul: connecting to the lab node</source>
      <translation>Simpul: menghubungkan ke simpul pelatihan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Starting the lab node … (this takes up to a minute)</source>
      <translation>Menjalankan simpul pelatihan … (paling lama sekitar satu menit)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Simpul: starting the lab node</source>
      <translation>Simpul: menjalankan simpul pelatihan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Simpul: stopping the lab node</source>
      <translation>Simpul: menghentikan simpul pelatihan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Simpul: resetting the lab node</source>
      <translation>Simpul: mereset simpul pelatihan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Simpul: reading the training progress</source>
      <translation>Simpul: membaca kemajuan latihan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Port</source>
      <translation>Port</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>The training datasets are not installed with this Simpul.</source>
      <translation>Dataset latihan tidak terpasang bersama Simpul ini.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Simpul: the lab node keeps running after QGIS closes; stop it from the Latihan tab or with Ctrl-C.</source>
      <translation>Simpul: simpul pelatihan tetap berjalan setelah QGIS ditutup; hentikan dari tab Latihan atau dengan Ctrl-C.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Done</source>
      <translation>Selesai</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>{done} of {total} steps done</source>
      <translation>{done} dari {total} langkah selesai</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Connecting to {url} …</source>
      <translation>Menghubungkan ke {url} …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Connected to the lab node {url}; the node {name} is in your list of nodes.</source>
      <translation>Terhubung ke simpul pelatihan {url}; simpul {name} sudah ada di daftar simpul Anda.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>{n} participant(s); updated {time}.</source>
      <translation>{n} peserta; diperbarui {time}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Exercise step done: {step}</source>
      <translation>Langkah latihan selesai: {step}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Connected to {url}. Enter your name so the trainer sees your progress.</source>
      <translation>Terhubung ke {url}. Isi nama Anda agar pelatih melihat kemajuan Anda.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Connected to {url} as {name}; you publish into the workspace {workspace}.</source>
      <translation>Terhubung ke {url} sebagai {name}; Anda menerbitkan ke ruang kerja {workspace}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Address for participants:</source>
      <translation>Alamat untuk peserta:</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>The training dataset {file} could not be opened.</source>
      <translation>Dataset latihan {file} tidak dapat dibuka.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>The lab node is back to the clean training state: progress of {people} participant(s) cleared, {records} record(s) removed from the catalogue.</source>
      <translation>Simpul pelatihan kembali ke keadaan awal latihan: kemajuan {people} peserta dihapus, {records} rekaman dihapus dari katalog.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>The lab node runs at {url}.</source>
      <translation>Simpul pelatihan berjalan di {url}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Dataset:</source>
      <translation>Dataset:</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Done {time}</source>
      <translation>Selesai {time}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/lab_page.py" />
      <source>Not yet received by the lab node: {n} step(s).</source>
      <translation>Belum diterima simpul pelatihan: {n} langkah.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Creation</source>
      <translation>Pembuatan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Publication</source>
      <translation>Publikasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Revision</source>
      <translation>Revisi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Completed</source>
      <translation>Selesai</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Historical archive</source>
      <translation>Arsip sejarah</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Obsolete</source>
      <translation>Usang</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Ongoing</source>
      <translation>Sedang berjalan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Planned</source>
      <translation>Direncanakan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Required</source>
      <translation>Diperlukan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Under development</source>
      <translation>Sedang dikembangkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Resource provider</source>
      <translation>Penyedia sumber daya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Custodian</source>
      <translation>Wali data</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Owner</source>
      <translation>Pemilik</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>User</source>
      <translation>Pengguna</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Distributor</source>
      <translation>Distributor</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Originator</source>
      <translation>Pembuat asal</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Point of contact</source>
      <translation>Narahubung</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Principal investigator</source>
      <translation>Peneliti utama</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Processor</source>
      <translation>Pengolah</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Publisher</source>
      <translation>Penerbit</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Author</source>
      <translation>Penulis</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Continual</source>
      <translation>Terus-menerus</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Daily</source>
      <translation>Harian</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Weekly</source>
      <translation>Mingguan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Fortnightly</source>
      <translation>Dua mingguan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Monthly</source>
      <translation>Bulanan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Quarterly</source>
      <translation>Triwulanan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Twice a year</source>
      <translation>Dua kali setahun</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Annually</source>
      <translation>Tahunan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>As needed</source>
      <translation>Sesuai kebutuhan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Irregular</source>
      <translation>Tidak teratur</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Not planned</source>
      <translation>Tidak direncanakan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Unknown</source>
      <translation>Tidak diketahui</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>ind — Bahasa Indonesia</source>
      <translation>ind — Bahasa Indonesia</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>eng — English</source>
      <translation>eng — bahasa Inggris</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Identification</source>
      <translation>Identifikasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>comma-separated, e.g. jalan, transportasi</source>
      <translation>pisahkan dengan koma, mis. jalan, transportasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Keywords from the KUGI catalogue: category, feature type, FCODE</source>
      <translation>Kata kunci dari katalog KUGI: kategori, jenis unsur, FCODE</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>KUGI…</source>
      <translation>KUGI…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Add a KUGI category, feature type or FCODE as keyword</source>
      <translation>Tambahkan kategori, jenis unsur atau FCODE KUGI sebagai kata kunci</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Contact</source>
      <translation>Kontak</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Location and reference system</source>
      <translation>Lokasi dan sistem referensi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>from (YYYY-MM-DD)</source>
      <translation>dari (TTTT-BB-HH)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>to (YYYY-MM-DD)</source>
      <translation>sampai (TTTT-BB-HH)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Access and maintenance</source>
      <translation>Akses dan pemeliharaan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Distribution</source>
      <translation>Distribusi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>one per line: PROTOCOL | URL | layer name</source>
      <translation>satu per baris: PROTOKOL | URL | nama layer</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Online resources, e.g. OGC:WMS | https://node/geoserver/ows | JALAN_LN_25K</source>
      <translation>Sumber daring, mis. OGC:WMS | https://simpul/geoserver/ows | JALAN_LN_25K</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>About this record</source>
      <translation>Tentang rekaman ini</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Required by the metadata profile</source>
      <translation>Wajib menurut profil metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Alternate title</source>
      <translation>Judul alternatif</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Purpose</source>
      <translation>Tujuan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>KUGI keywords</source>
      <translation>Kata kunci KUGI</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Position</source>
      <translation>Jabatan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Telephone</source>
      <translation>Telepon</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Bounding box (EPSG:4326)</source>
      <translation>Kotak batas (EPSG:4326)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Access level (Palapa)</source>
      <translation>Tingkat akses (Palapa)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>Use limitation</source>
      <translation>Batasan penggunaan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>W</source>
      <translation>B</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>E</source>
      <translation>T</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>S</source>
      <translation>S</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_form.py" />
      <source>N</source>
      <translation>U</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>The layer whose metadata you edit</source>
      <translation>Layer yang metadatanya Anda sunting</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Generate from layer</source>
      <translation>Buat dari layer</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Fill in extent, reference system, geometry, attributes and KUGI keywords from the layer, and the rest from your node's defaults</source>
      <translation>Isi cakupan, sistem referensi, geometri, atribut dan kata kunci KUGI dari layer, dan sisanya dari nilai bawaan simpul Anda</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Import XML…</source>
      <translation>Impor XML…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Save</source>
      <translation>Simpan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Save the record as an XML file beside the data and, for a GeoPackage, into its metadata tables</source>
      <translation>Simpan rekaman sebagai berkas XML di samping data dan, untuk GeoPackage, ke dalam tabel metadatanya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>More</source>
      <translation>Lainnya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Take from QGIS layer metadata</source>
      <translation>Ambil dari metadata layer QGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Copy to QGIS layer metadata</source>
      <translation>Salin ke metadata layer QGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Export XML…</source>
      <translation>Ekspor XML…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Node defaults file…</source>
      <translation>Berkas nilai bawaan simpul…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Complete: %p%</source>
      <translation>Kelengkapan: %p%</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Required elements of the metadata profile that are filled in</source>
      <translation>Elemen wajib profil metadata yang sudah diisi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Click a name to go to its field</source>
      <translation>Klik nama untuk menuju isiannya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Import metadata</source>
      <translation>Impor metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>XML files (*.xml);;All files (*)</source>
      <translation>Berkas XML (*.xml);;Semua berkas (*)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Export metadata</source>
      <translation>Ekspor metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>XML files (*.xml)</source>
      <translation>Berkas XML (*.xml)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Node defaults file</source>
      <translation>Berkas nilai bawaan simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>JSON files (*.json)</source>
      <translation>Berkas JSON (*.json)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>KUGI categories</source>
      <translation>Kategori KUGI</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Saved the metadata to {file}</source>
      <translation>Metadata disimpan ke {file}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>All required elements are filled in.</source>
      <translation>Semua elemen wajib sudah diisi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Generated from {layer}: extent, reference system, geometry, attributes and KUGI keywords filled in.</source>
      <translation>Dibuat dari {layer}: cakupan, sistem referensi, geometri, atribut dan kata kunci KUGI sudah diisi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Exported the metadata to {file}.</source>
      <translation>Metadata diekspor ke {file}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Took the values of {layer}'s QGIS metadata.</source>
      <translation>Nilai diambil dari metadata QGIS layer {layer}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Copied the record into {layer}'s QGIS metadata (Layer Properties ▸ Metadata).</source>
      <translation>Rekaman disalin ke metadata QGIS layer {layer} (Properti Layer ▸ Metadata).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Generate from layer now uses the defaults in {file}.</source>
      <translation>Buat dari layer kini memakai nilai bawaan di {file}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Loaded the saved metadata of {layer}.</source>
      <translation>Metadata tersimpan untuk {layer} sudah dimuat.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>{layer} has no saved metadata yet: press Generate from layer.</source>
      <translation>{layer} belum memiliki metadata tersimpan: tekan Buat dari layer.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Imported {file}; not everything could be read: {notes}</source>
      <translation>{file} diimpor; tidak semua bagian dapat dibaca: {notes}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>and into the GeoPackage's metadata tables (layer {layer})</source>
      <translation>dan ke dalam tabel metadata GeoPackage (layer {layer})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>(the earlier, non-ISO file is kept as {file})</source>
      <translation>(berkas lama yang bukan ISO disimpan sebagai {file})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>— still missing: {names}</source>
      <translation>— masih kurang: {names}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Missing:</source>
      <translation>Belum diisi:</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Imported {file}, but it does not follow the ISO 19139 schema ({count} problems, first: {first}); saving writes a valid record.</source>
      <translation>Berkas {file} diimpor, tetapi tidak sesuai skema ISO 19139 ({count} masalah, yang pertama: {first}); saat disimpan akan ditulis rekaman yang sah.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/metadata_page.py" />
      <source>Imported {file}.</source>
      <translation>Berkas {file} diimpor.</translation>
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
      <source>Base URL</source>
      <translation>URL dasar</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_dialog.py" />
      <source>Level</source>
      <translation>Tingkat</translation>
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
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>Checking…</source>
      <translation>Memeriksa…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>Records</source>
      <translation>Rekaman</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>No node yet. Add one with its base URL, or from the JIGN directory.</source>
      <translation>Belum ada simpul. Tambahkan dengan URL dasarnya, atau dari direktori JIGN.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>not verified</source>
      <translation>belum terverifikasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>in the offline cache</source>
      <translation>di cache luring</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>in the catalogue</source>
      <translation>di katalog</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>checked</source>
      <translation>diperiksa</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>Services</source>
      <translation>Layanan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>No known service found.</source>
      <translation>Tidak ditemukan layanan yang dikenal.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>Not checked yet: press Check.</source>
      <translation>Belum diperiksa: tekan Periksa.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>latency</source>
      <translation>latensi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/node_list.py" />
      <source>{count} records {where}</source>
      <translation>{count} rekaman {where}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Send a validated dataset with its style and ISO metadata to a node. Plan first: nothing changes on the node until you confirm.</source>
      <translation>Kirim dataset yang sudah divalidasi beserta gaya dan metadata ISO-nya ke simpul jaringan. Rencanakan dulu: tidak ada yang berubah di simpul sampai Anda mengonfirmasi.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>A node you added in Discover, or a node's base URL</source>
      <translation>Simpul yang Anda tambahkan di Jelajah, atau URL dasar simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>ISO 19139 XML (*.xml)</source>
      <translation>XML ISO 19139 (*.xml)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>saved with the dataset, else generated</source>
      <translation>yang tersimpan bersama dataset, atau dibuat otomatis</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>On the node</source>
      <translation>Di simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>the dataset's name</source>
      <translation>nama dataset</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Workspace</source>
      <translation>Workspace</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Layer name</source>
      <translation>Nama layer</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>View SLD…</source>
      <translation>Lihat SLD…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Plan</source>
      <translation>Rencanakan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Load from WMS</source>
      <translation>Muat dari WMS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Load from WFS</source>
      <translation>Muat dari WFS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Overwrite what the node already serves (update it in place)</source>
      <translation>Timpa apa yang sudah dilayani simpul (perbarui di tempat)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Reason to publish despite validation errors (goes into the lineage)</source>
      <translation>Alasan tetap mempublikasikan meski ada galat validasi (dicatat di lineage)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <location filename="../sdi_plugin/gui/widgets.py" />
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>SLD style</source>
      <translation>Gaya SLD</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Simpul: planning the publish</source>
      <translation>Simpul: merencanakan publikasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Simpul: publishing</source>
      <translation>Simpul: mempublikasikan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>What was done on the node</source>
      <translation>Yang dilakukan di simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Resource</source>
      <translation>Sumber daya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Change</source>
      <translation>Perubahan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Choose a vector layer of the project.</source>
      <translation>Pilih layer vektor dari proyek.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Choose a node and a dataset first.</source>
      <translation>Pilih simpul dan dataset terlebih dahulu.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>QGIS's master password is needed to use the node's login.</source>
      <translation>Kata sandi induk QGIS diperlukan untuk memakai login simpul.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>This node has no login (authentication configuration) in Simpul. If it asks for one, QGIS shows its login window; to publish without being asked, give the node an authentication configuration in Discover (edit the node).</source>
      <translation>Simpul belum menyimpan login (konfigurasi autentikasi) untuk simpul ini. Jika simpul memintanya, QGIS menampilkan jendela login; agar tidak ditanya saat publikasi, beri simpul konfigurasi autentikasi di Temukan (ubah simpul).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Planning …</source>
      <translation>Merencanakan …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Publishing …</source>
      <translation>Mempublikasikan …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Canceling: undoing what was done …</source>
      <translation>Membatalkan: mengembalikan apa yang sudah dilakukan …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Plan — {n} change(s) on the node</source>
      <translation>Rencana — {n} perubahan di simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>Write a reason to publish despite the validation errors, or fix them first.</source>
      <translation>Tulis alasan untuk tetap memublikasikan meski ada kesalahan validasi, atau perbaiki dulu.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>The layer's QGIS symbology goes to the node as an SLD style ({kb:.1f} kB) and becomes the layer's default style.</source>
      <translation>Simbologi QGIS layer dikirim ke simpul sebagai gaya SLD ({kb:.1f} kB) dan menjadi gaya bawaan layer.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>The node's login (authentication configuration {authcfg}) is not in QGIS's authentication database of this profile. Edit the node in Discover and choose its login again.</source>
      <translation>Login simpul ini (konfigurasi autentikasi {authcfg}) tidak ada di basis data autentikasi QGIS pada profil ini. Ubah simpul di tab Temukan dan pilih lagi loginnya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>The layer could not be loaded from the node's {kind}.</source>
      <translation>Layer tidak dapat dimuat dari {kind} simpul.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_page.py" />
      <source>The style cannot be exported as SLD: {why}</source>
      <translation>Gaya tidak dapat diekspor sebagai SLD: {why}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>WMS draws the layer</source>
      <translation>WMS menggambar layer</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>WFS returns its features</source>
      <translation>WFS mengembalikan unsur-unsurnya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>WMS</source>
      <translation>WMS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>WFS</source>
      <translation>WFS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Catalogue record</source>
      <translation>Rekaman katalog</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>GeoServer layer (REST)</source>
      <translation>Layer GeoServer (REST)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>create</source>
      <translation>buat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>update</source>
      <translation>perbarui</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>skip</source>
      <translation>lewati</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Data store</source>
      <translation>Penyimpanan data</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Feature type</source>
      <translation>Tipe fitur (GeoServer)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Style</source>
      <translation>Gaya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Layer</source>
      <translation>Layer</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Planned (nothing changed)</source>
      <translation>Direncanakan (tidak ada yang berubah)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Published</source>
      <translation>Dipublikasikan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Failed</source>
      <translation>Gagal</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Not published</source>
      <translation>Tidak dipublikasikan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Canceled</source>
      <translation>Dibatalkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>GeoServer has the layer with its style</source>
      <translation>GeoServer memiliki layer beserta gayanya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>the catalogue finds the record</source>
      <translation>katalog menemukan rekamannya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>the OGC API catalogue finds the record</source>
      <translation>katalog OGC API menemukan rekamannya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Layer on the node: {name}</source>
      <translation>Layer di simpul: {name}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Catalogue finds the record {id}</source>
      <translation>Katalog menemukan rekaman {id}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Metadata: the record file you chose.</source>
      <translation>Metadata: berkas rekaman yang Anda pilih.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Metadata: the record saved with the dataset.</source>
      <translation>Metadata: rekaman yang tersimpan bersama dataset.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Metadata: generated from the layer (sdi:generatemetadata).</source>
      <translation>Metadata: dibuat dari layer (sdi:generatemetadata).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Metadata: a minimal record (no full record could be generated from the layer; the message log, Simpul tab, says why).</source>
      <translation>Metadata: rekaman minimal (rekaman lengkap tidak dapat dibuat dari layer; log pesan, tab Simpul, menyebutkan alasannya).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>done</source>
      <translation>selesai</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>failed</source>
      <translation>gagal</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>undone</source>
      <translation>dibatalkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>not run</source>
      <translation>tidak dijalankan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Checked from outside:</source>
      <translation>Diperiksa dari luar:</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Links:</source>
      <translation>Tautan:</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Logged in {path}</source>
      <translation>Dicatat di {path}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/publish_report.py" />
      <source>Record {id}.</source>
      <translation>Rekaman {id}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Web page</source>
      <translation>Halaman web</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>revised</source>
      <translation>revisi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>created</source>
      <translation>dibuat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>metadata</source>
      <translation>metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Dates</source>
      <translation>Tanggal</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Theme</source>
      <translation>Tema</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Type</source>
      <translation>Jenis</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Constraints</source>
      <translation>Batasan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Identifier</source>
      <translation>Pengenal</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Bounding box</source>
      <translation>Kotak batas</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Catalogue</source>
      <translation>Katalog</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>{age} ago</source>
      <translation>{age} yang lalu</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>WMS map</source>
      <translation>Peta WMS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>WMTS tiles</source>
      <translation>Ubin WMTS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>WFS features</source>
      <translation>Unsur WFS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>WCS coverage</source>
      <translation>Coverage WCS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>OGC API features</source>
      <translation>Unsur OGC API</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>ArcGIS map service</source>
      <translation>Layanan peta ArcGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>ArcGIS feature service</source>
      <translation>Layanan unsur ArcGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Download</source>
      <translation>Unduh</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Metadata document</source>
      <translation>Dokumen metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>This record has no links.</source>
      <translation>Rekaman ini tidak memiliki tautan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>unknown node</source>
      <translation>simpul tidak dikenal</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Abstract</source>
      <translation>Abstrak</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Links</source>
      <translation>Tautan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Details</source>
      <translation>Rincian</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Keywords</source>
      <translation>Kata kunci</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Lineage</source>
      <translation>Riwayat data</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>national reference</source>
      <translation>referensi nasional</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>accepted</source>
      <translation>diterima</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>legacy datum</source>
      <translation>datum lama</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Load</source>
      <translation>Muat</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Open</source>
      <translation>Buka</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>also at</source>
      <translation>juga di</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>from the offline cache</source>
      <translation>dari cache luring</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>W {w:.4f}, S {s:.4f}, E {e:.4f}, N {n:.4f} (WGS 84)</source>
      <translation>B {w:.4f}, S {s:.4f}, T {e:.4f}, U {n:.4f} (WGS 84)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <source>Select a record to see its details.</source>
      <translation>Pilih rekaman untuk melihat rinciannya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/record_view.py" />
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>from the offline cache, harvested {age}</source>
      <translation>dari cache luring, dipanen {age}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Search the catalogues, e.g. batas desa</source>
      <translation>Cari di katalog, mis. batas desa</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Search all the selected nodes</source>
      <translation>Cari di semua simpul terpilih</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Stop the search</source>
      <translation>Hentikan pencarian</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>All themes</source>
      <translation>Semua tema</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>KUGI category</source>
      <translation>Kategori KUGI</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Which nodes to search</source>
      <translation>Simpul mana yang dicari</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Use map extent</source>
      <translation>Pakai cakupan peta</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Offline (cache only)</source>
      <translation>Luring (hanya cache)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Search only the records kept on this computer</source>
      <translation>Cari hanya rekaman yang tersimpan di komputer ini</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Only records dated within a period</source>
      <translation>Hanya rekaman yang bertanggal dalam rentang waktu ini</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Sort by</source>
      <translation>Urutkan menurut</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Type words, pick a theme or the map extent, then Search.</source>
      <translation>Ketik kata, pilih tema atau cakupan peta, lalu Cari.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Ask every node for its next page of results</source>
      <translation>Minta halaman hasil berikutnya dari setiap simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Load the selected records as layers</source>
      <translation>Muat rekaman terpilih sebagai layer</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Load as map images (WMS, WMTS, ArcGIS)</source>
      <translation>Muat sebagai citra peta (WMS, WMTS, ArcGIS)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Load as features (WFS, OGC API, downloads)</source>
      <translation>Muat sebagai unsur (WFS, OGC API, unduhan)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>All my nodes</source>
      <translation>Semua simpul saya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>From</source>
      <translation>Dari</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>to</source>
      <translation>sampai</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Relevance</source>
      <translation>Relevansi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Date</source>
      <translation>Tanggal</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Title</source>
      <translation>Judul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Sort</source>
      <translation>Urutkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>No node to search yet: add one on the Nodes page.</source>
      <translation>Belum ada simpul untuk dicari: tambahkan di halaman Simpul.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>No node matches the node filter.</source>
      <translation>Tidak ada simpul yang sesuai dengan saringan simpul.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Asking for more results…</source>
      <translation>Meminta hasil berikutnya…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>{records} record(s) from {done} of {count} node(s)</source>
      <translation>{records} rekaman · {done} dari {count} simpul selesai</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Searching {count} node(s)…</source>
      <translation>Mencari di {count} simpul…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>{count} did not answer</source>
      <translation>{count} tidak menjawab</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>{count} answered in part (see the tooltip)</source>
      <translation>{count} menjawab sebagian (lihat keterangan alat)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>{count} from the offline cache</source>
      <translation>{count} dari cache luring</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>Level: {level}</source>
      <translation>Tingkat: {level}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/search_panel.py" />
      <source>{title} at {node} (identifier {identifier})</source>
      <translation>{title} di {node} (pengenal {identifier})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Simpul: validating</source>
      <translation>Simpul: memvalidasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Simpul: fixing the dataset</source>
      <translation>Simpul: memperbaiki dataset</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Check datasets against KUGI, SRGI2013, the metadata profile, geometry and topology before you share them. Tick layers, or choose a folder or GeoPackage.</source>
      <translation>Periksa dataset terhadap KUGI, SRGI2013, profil metadata, geometri dan topologi sebelum dibagikan. Centang layer, atau pilih folder atau GeoPackage.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>or a folder / GeoPackage…</source>
      <translation>atau folder / GeoPackage…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Choose a folder</source>
      <translation>Pilih folder</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Choose a GeoPackage</source>
      <translation>Pilih GeoPackage</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>A saved PostGIS connection: every table of the schema is validated, the geometry and topology rules in the database</source>
      <translation>Koneksi PostGIS tersimpan: setiap tabel dalam skema divalidasi, aturan geometri dan topologi dijalankan di basis data</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Schema</source>
      <translation>Skema</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>KUGI feature type (optional, e.g. CA02070160)</source>
      <translation>Jenis unsur KUGI (opsional, mis. CA02070160)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Fix this…</source>
      <translation>Perbaiki ini…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Fix this finding (and the others the standardisation repairs) in a new copy of the dataset</source>
      <translation>Perbaiki temuan ini (dan temuan lain yang diperbaiki standardisasi) dalam salinan baru dataset</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Fix dataset…</source>
      <translation>Perbaiki dataset…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Standardise to KUGI and apply the safe fixes into a new file beside the source, then validate it again</source>
      <translation>Standarkan ke KUGI dan terapkan perbaikan aman ke berkas baru di samping sumbernya, lalu validasi lagi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Open report</source>
      <translation>Buka laporan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Add error layer</source>
      <translation>Tambahkan layer kesalahan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Folder to validate</source>
      <translation>Folder yang divalidasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>GeoPackage to validate</source>
      <translation>GeoPackage yang divalidasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>errors</source>
      <translation>kesalahan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>warnings</source>
      <translation>peringatan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>infos</source>
      <translation>info</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>or PostGIS</source>
      <translation>atau PostGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Show</source>
      <translation>Tampilkan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Message</source>
      <translation>Pesan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Tick at least one layer, or choose a folder or GeoPackage.</source>
      <translation>Centang minimal satu layer, atau pilih folder atau GeoPackage.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Validating…</source>
      <translation>Memvalidasi…</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>The validation was canceled.</source>
      <translation>Validasi dibatalkan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Fill in on the Metadata page</source>
      <translation>Isi di halaman Metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Only a dataset in a file, loaded in the project, can be fixed here.</source>
      <translation>Hanya dataset berupa berkas yang dimuat di proyek yang dapat diperbaiki di sini.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>The fix was canceled.</source>
      <translation>Perbaikan dibatalkan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Next: complete the metadata on the Metadata page (step 3).</source>
      <translation>Berikutnya: lengkapi metadata di halaman Metadata (langkah 3).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>feature {fid}</source>
      <translation>unsur {fid}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>points</source>
      <translation>titik</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>lines</source>
      <translation>garis</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>areas</source>
      <translation>area</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Validation findings ({kind})</source>
      <translation>Temuan validasi ({kind})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Fixing: writing {file} …</source>
      <translation>Memperbaiki: menulis {file} …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>The fixed dataset was written to {file} but QGIS cannot open it.</source>
      <translation>Dataset hasil perbaikan sudah ditulis ke {file}, tetapi QGIS tidak dapat membukanya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/gui/validate_page.py" />
      <source>Fixed: {file} ({type}) replaces {raw} in the project; the source file is unchanged. Validating it again …</source>
      <translation>Diperbaiki: {file} ({type}) menggantikan {raw} di proyek; berkas sumber tidak berubah. Memvalidasi lagi …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Generate ISO 19139 metadata</source>
      <translation>Buat metadata ISO 19139</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Check ISO 19139 metadata</source>
      <translation>Periksa metadata ISO 19139</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Metadata record (ISO 19139 XML)</source>
      <translation>Rekaman metadata (XML ISO 19139)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Metadata record (XML)</source>
      <translation>Rekaman metadata (XML)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Findings (JSON)</source>
      <translation>Temuan (JSON)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Record identifier</source>
      <translation>Pengenal rekaman</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Required elements missing</source>
      <translation>Elemen wajib yang belum diisi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Errors found by the check</source>
      <translation>Kesalahan yang ditemukan pemeriksaan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>The input layer cannot be read.</source>
      <translation>Layer masukan tidak dapat dibaca.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Notes</source>
      <translation>Catatan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Give the metadata file to check.</source>
      <translation>Berikan berkas metadata yang akan diperiksa.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Reading {layer} …</source>
      <translation>Membaca {layer} …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_metadata.py" />
      <source>Checking {file} …</source>
      <translation>Memeriksa {file} …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Node information (detect services)</source>
      <translation>Informasi simpul (deteksi layanan)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Node base URL</source>
      <translation>URL dasar simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Time for the whole check (seconds)</source>
      <translation>Waktu untuk seluruh pemeriksaan (detik)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_nodeinfo.py" />
      <source>Node report (JSON)</source>
      <translation>Laporan simpul (JSON)</translation>
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
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Publish dataset to a node</source>
      <translation>Publikasikan dataset ke simpul jaringan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Node (base URL or the id of a registered node)</source>
      <translation>Simpul (URL dasar atau id simpul yang terdaftar)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>ISO 19139 metadata (generated when empty)</source>
      <translation>Metadata ISO 19139 (dibuat otomatis bila kosong)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Dry run: plan only, change nothing</source>
      <translation>Uji coba: hanya rencana, tidak mengubah apa pun</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>GeoServer workspace</source>
      <translation>Workspace GeoServer</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Layer name on the node (default: the dataset's)</source>
      <translation>Nama layer di simpul (bawaan: nama dataset)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Overwrite what the node already serves (update in place)</source>
      <translation>Timpa apa yang sudah dilayani simpul (perbarui di tempat)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Reason to publish despite validation errors</source>
      <translation>Alasan tetap mempublikasikan meski ada galat validasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Node defaults for a generated record (JSON)</source>
      <translation>Nilai bawaan simpul untuk rekaman yang dibuat otomatis (JSON)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Existing PostGIS store on the node (for a PostGIS table)</source>
      <translation>Penyimpanan PostGIS yang sudah ada di simpul (untuk tabel PostGIS)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>GeoServer REST URL (instead of the one found)</source>
      <translation>URL GeoServer REST (menggantikan yang ditemukan)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>CSW-T URL (instead of the one found)</source>
      <translation>URL CSW-T (menggantikan yang ditemukan)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>OGC API Records collection URL (instead of the one found)</source>
      <translation>URL koleksi OGC API Records (menggantikan yang ditemukan)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>GeoNode URL (its base URL; publishes through its API v2 upload)</source>
      <translation>URL GeoNode (URL dasarnya; diterbitkan melalui unggahan API v2-nya)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Give up a request after this many seconds without progress</source>
      <translation>Hentikan permintaan setelah sekian detik tanpa kemajuan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Check the published layer and record afterwards</source>
      <translation>Periksa layer dan rekaman yang dipublikasikan sesudahnya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Publish plan and result (JSON)</source>
      <translation>Rencana dan hasil publikasi (JSON)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Authentication configuration</source>
      <translation>Konfigurasi autentikasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Publish to (default: every target the node offers)</source>
      <translation>Publikasikan ke (bawaan: semua tujuan yang disediakan simpul)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Publish log folder (default: in the QGIS profile)</source>
      <translation>Folder log publikasi (bawaan: di profil QGIS)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Result (planned, published, failed, blocked, canceled)</source>
      <translation>Hasil (planned, published, failed, blocked, canceled)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Published layer</source>
      <translation>Layer yang dipublikasikan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Catalogue record identifier</source>
      <translation>Pengenal rekaman katalog</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>WMS address</source>
      <translation>Alamat WMS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>WFS address</source>
      <translation>Alamat WFS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Catalogue record address</source>
      <translation>Alamat rekaman katalog</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>Number of remote changes</source>
      <translation>Jumlah perubahan di simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>The dataset could not be opened.</source>
      <translation>Dataset tidak dapat dibuka.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>publish plan</source>
      <translation>rencana publikasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>CSW catalogue</source>
      <translation>Katalog CSW</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>OGC API Records</source>
      <translation>OGC API Records</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>The layer's style could not be exported as SLD.</source>
      <translation>Gaya layer tidak dapat diekspor sebagai SLD.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_publish.py" />
      <source>ok</source>
      <translation>ok</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Search catalogues (federated)</source>
      <translation>Cari katalog (terfederasi)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Search text</source>
      <translation>Teks pencarian</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Nodes (ids or catalogue URLs, comma- or newline-separated; empty = all)</source>
      <translation>Simpul (id atau URL katalog, dipisah koma atau baris baru; kosong = semua)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Theme (KUGI category)</source>
      <translation>Tema (kategori KUGI)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>From date (YYYY-MM-DD)</source>
      <translation>Dari tanggal (YYYY-MM-DD)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>To date (YYYY-MM-DD)</source>
      <translation>Sampai tanggal (YYYY-MM-DD)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Maximum records per node</source>
      <translation>Jumlah rekaman maksimum per simpul</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Timeout per request (seconds)</source>
      <translation>Batas waktu per permintaan (detik)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Search the offline cache only</source>
      <translation>Cari di cache luring saja</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Offline cache file (empty = the one in the QGIS profile)</source>
      <translation>Berkas cache luring (kosong = yang ada di profil QGIS)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Extent</source>
      <translation>Cakupan wilayah (extent)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Records found</source>
      <translation>Rekaman yang ditemukan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Number of records</source>
      <translation>Jumlah rekaman</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Per-node report (JSON)</source>
      <translation>Laporan per simpul (JSON)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>No node to search: give node ids or catalogue URLs in NODES, or add nodes in the Simpul panel.</source>
      <translation>Tidak ada simpul untuk dicari: isikan id simpul atau URL katalog pada NODES, atau tambahkan simpul di panel Simpul.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Searching {count} nodes …</source>
      <translation>Mencari di {count} simpul …</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>{count} records found.</source>
      <translation>{count} rekaman ditemukan.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>The extent cannot be expressed in longitude/latitude.</source>
      <translation>Cakupan wilayah tidak dapat dinyatakan dalam bujur/lintang.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>Unknown node {token}: neither a node id of your list nor a URL.</source>
      <translation>Simpul {token} tidak dikenal: bukan id simpul di daftar Anda dan bukan URL.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>The offline cache cannot be opened: {error}</source>
      <translation>Cache luring tidak dapat dibuka: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_searchcatalogs.py" />
      <source>{node}: {returned} records (of {total})</source>
      <translation>{node}: {returned} rekaman (dari {total})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <source>Standardise dataset to KUGI (to a new file)</source>
      <translation>Standardisasi dataset ke KUGI (ke berkas baru)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <source>Field map (source=TARGET, …; optional)</source>
      <translation>Pemadanan kolom (sumber=TARGET, …; opsional)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <source>Standardised dataset</source>
      <translation>Dataset hasil standardisasi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <source>Summary (JSON)</source>
      <translation>Ringkasan (JSON)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <source>Standardised layer (URI)</source>
      <translation>Layer hasil standardisasi (URI)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>KUGI feature type used (FCODE)</source>
      <translation>Jenis unsur KUGI yang dipakai (FCODE)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <source>Metadata record identifier</source>
      <translation>Pengenal rekaman metadata</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Features written</source>
      <translation>Unsur yang ditulis</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <source>{features} feature(s) written to {path} as {layer} ({fcode}); field map: {map}.</source>
      <translation>{features} unsur ditulis ke {path} sebagai {layer} ({fcode}); pemadanan kolom: {map}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_standardize.py" />
      <source>The summary could not be written to {file}: {error}</source>
      <translation>Ringkasan tidak dapat ditulis ke {file}: {error}</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Validate dataset (KUGI, SRGI2013, geometry, topology)</source>
      <translation>Validasi dataset (KUGI, SRGI2013, geometri, topologi)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Validate a folder or GeoPackage (batch)</source>
      <translation>Validasi folder atau GeoPackage (batch)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Fix dataset (safe fixes, to a new file)</source>
      <translation>Perbaiki dataset (perbaikan aman, ke berkas baru)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Error layer (GeoPackage)</source>
      <translation>Layer kesalahan (GeoPackage)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Report (HTML)</source>
      <translation>Laporan (HTML)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>HTML files (*.html)</source>
      <translation>Berkas HTML (*.html)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Report (JSON)</source>
      <translation>Laporan (JSON)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Folder</source>
      <translation>Folder</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>or a GeoPackage (every layer)</source>
      <translation>atau GeoPackage (semua layer)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Include sub-folders</source>
      <translation>Sertakan subfolder</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Folder of metadata files (optional)</source>
      <translation>Folder berkas metadata (opsional)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Repair invalid geometries</source>
      <translation>Perbaiki geometri tidak valid</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Fill SRS_ID</source>
      <translation>Isi SRS_ID</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Trim and re-encode text as UTF-8</source>
      <translation>Pangkas dan kodekan ulang teks sebagai UTF-8</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Fixed dataset</source>
      <translation>Dataset hasil perbaikan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>… new table (default: the KUGI layer name)</source>
      <translation>… tabel baru (bawaan: nama layer KUGI)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Add the missing spatial_ref_sys rows (e.g. SRGI2013) to the database</source>
      <translation>Tambahkan baris spatial_ref_sys yang belum ada (mis. SRGI2013) ke basis data</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Number of errors</source>
      <translation>Jumlah kesalahan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Number of warnings</source>
      <translation>Jumlah peringatan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Number of infos</source>
      <translation>Jumlah info</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Number of findings</source>
      <translation>Jumlah temuan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>No errors</source>
      <translation>Tanpa kesalahan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Findings by rule (JSON)</source>
      <translation>Temuan per aturan (JSON)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>The layer has no features.</source>
      <translation>Layer tidak berisi unsur.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>or a PostGIS connection</source>
      <translation>atau koneksi PostGIS</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>… and its schema (every table)</source>
      <translation>… dan skemanya (semua tabel)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Number of datasets</source>
      <translation>Jumlah dataset</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Give either a folder (INPUT), a GeoPackage (GEOPACKAGE) or a PostGIS connection and schema (POSTGIS_CONNECTION, POSTGIS_SCHEMA).</source>
      <translation>Isi salah satu: folder (INPUT), GeoPackage (GEOPACKAGE), atau koneksi dan skema PostGIS (POSTGIS_CONNECTION, POSTGIS_SCHEMA).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Also write to a new PostGIS table: connection</source>
      <translation>Tulis juga ke tabel PostGIS baru: koneksi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>… schema</source>
      <translation>… skema</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Fixed layer (URI)</source>
      <translation>Layer hasil perbaikan (URI)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Fixed PostGIS table (URI, no password)</source>
      <translation>Tabel PostGIS hasil perbaikan (URI, tanpa kata sandi)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Reference system of the fixed dataset</source>
      <translation>Sistem referensi dataset hasil perbaikan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Geometries repaired</source>
      <translation>Geometri yang diperbaiki</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Invalid geometries that could not be repaired</source>
      <translation>Geometri tidak valid yang tidak dapat diperbaiki</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Features transformed</source>
      <translation>Unsur yang ditransformasikan</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>SRS_ID values filled</source>
      <translation>Nilai SRS_ID yang diisi</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Text values trimmed or re-encoded</source>
      <translation>Nilai teks yang dipangkas atau dikodekan ulang</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Give both the PostGIS connection and the schema.</source>
      <translation>Isi koneksi PostGIS dan skemanya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>{features} feature(s) written to {path}: {valid} geometry(ies) repaired, {srs} SRS_ID value(s) filled, {text} text value(s) fixed.</source>
      <translation>{features} unsur ditulis ke {path}: {valid} geometri diperbaiki, {srs} nilai SRS_ID diisi, {text} nilai teks diperbaiki.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Written to the PostGIS table {schema}.{table}.</source>
      <translation>Ditulis ke tabel PostGIS {schema}.{table}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>{name}: {errors} error(s), {warnings} warning(s), {infos} info(s)</source>
      <translation>{name}: {errors} kesalahan, {warnings} peringatan, {infos} info</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>No table with geometry in the schema {schema}.</source>
      <translation>Tidak ada tabel bergeometri di skema {schema}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>No vector dataset found in {path}.</source>
      <translation>Tidak ada dataset vektor di {path}.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/alg_validate.py" />
      <source>Findings ({name})</source>
      <translation>Temuan ({name})</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/base.py" />
      <source>KUGI feature type (FCODE or layer name; optional)</source>
      <translation>Jenis unsur KUGI (FCODE atau nama layer; opsional)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/base.py" />
      <source>ISO 19139 metadata file (optional)</source>
      <translation>Berkas metadata ISO 19139 (opsional)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/base.py" />
      <source>Node defaults (JSON)</source>
      <translation>Nilai bawaan simpul (JSON)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/base.py" />
      <source>Transform to (default: SRGI2013 for legacy datums)</source>
      <translation>Transformasikan ke (bawaan: SRGI2013 untuk datum lama)</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/base.py" />
      <source>Reference system to assign when the data has none</source>
      <translation>Sistem referensi yang ditetapkan bila data tidak punya</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/help.json" />
      <source>Checks a metadata record (ISO 19139; ISO 19115-3 is read and checked for the profile) against the ISO 19139 XML Schema bundled with Simpul (offline) and against the Indonesian metadata profile (mandatory and conditional elements, code lists, bounding box). Findings use rules meta.schema and meta.complete; OUTPUT is a JSON report in the validator's shape: file, standard, summary, findings.</source>
      <translation>Memeriksa rekaman metadata (ISO 19139; ISO 19115-3 dibaca dan diperiksa terhadap profil) terhadap Skema XML ISO 19139 bawaan Simpul (tanpa internet) dan terhadap profil metadata Indonesia (elemen wajib dan bersyarat, daftar kode, kotak batas). Temuan memakai aturan meta.schema dan meta.complete; OUTPUT berupa laporan JSON berbentuk sama dengan laporan validator: file, standard, summary, findings.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/help.json" />
      <source>Writes a corrected copy of a dataset to a NEW GeoPackage or Shapefile; the source is never changed. Safe fixes only: invalid geometries are repaired (same geometry type); a dataset without reference system gets ASSIGN_CRS; legacy datums are transformed to SRGI2013 (DGN95 with EPSG:9472) or to TARGET_CRS; SRS_ID is filled ('SRGI 2013'); text is trimmed and re-encoded as UTF-8. The layer is named after its KUGI feature type when it is known. Empty or duplicate geometries, overlaps, gaps, FCODE and METADATA are left for you to decide.</source>
      <translation>Menulis salinan dataset yang sudah diperbaiki ke GeoPackage atau Shapefile BARU; sumber tidak pernah diubah. Hanya perbaikan aman: geometri tidak valid diperbaiki (tipe geometri tetap); dataset tanpa sistem referensi diberi ASSIGN_CRS; datum lama ditransformasikan ke SRGI2013 (DGN95 dengan EPSG:9472) atau ke TARGET_CRS; SRS_ID diisi ('SRGI 2013'); teks dipangkas dan dikodekan ulang sebagai UTF-8. Layer diberi nama jenis unsur KUGI-nya bila diketahui. Geometri kosong atau ganda, tumpang tindih, celah, FCODE dan METADATA diserahkan kepada Anda.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/help.json" />
      <source>Writes an ISO 19139 metadata record (gmd:MD_Metadata) in the Indonesian profile (SNI 8843-1:2019 as Palapa nodes practise it) for a vector layer: extent in EPSG:4326, reference system, geometry type, feature count, attributes, the KUGI feature type and FCODE as keywords, the METADATA attribute as record identifier, plus the node's defaults (organisation, contact, node code, access level) from DEFAULTS, a JSON file shaped like resources/metadata/node_defaults.json. The record is checked against the ISO 19139 schema and the profile; MISSING counts the required elements still empty.</source>
      <translation>Menulis rekaman metadata ISO 19139 (gmd:MD_Metadata) dalam profil Indonesia (SNI 8843-1:2019 sebagaimana diterapkan simpul Palapa) untuk layer vektor: cakupan dalam EPSG:4326, sistem referensi, jenis geometri, jumlah unsur, atribut, jenis unsur KUGI dan FCODE sebagai kata kunci, atribut METADATA sebagai pengenal rekaman, ditambah nilai bawaan simpul (organisasi, kontak, kode simpul, tingkat akses) dari DEFAULTS, berkas JSON berbentuk seperti resources/metadata/node_defaults.json. Rekaman diperiksa terhadap skema ISO 19139 dan profil; MISSING menghitung elemen wajib yang masih kosong.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/help.json" />
      <source>Probes a node's base URL for the services an SDI node offers (CSW, OGC API Records and Features, WMS, WMTS, WFS, ArcGIS REST, CKAN) and reports each one found: kind, version and endpoint URL. The report is written as JSON to OUTPUT and returned in the results.</source>
      <translation>Memeriksa URL dasar sebuah simpul untuk layanan yang biasa disediakan simpul IDS (CSW, OGC API Records dan Features, WMS, WMTS, WFS, ArcGIS REST, CKAN) dan melaporkan setiap layanan yang ditemukan: jenis, versi, dan URL endpoint. Laporan ditulis sebagai JSON ke OUTPUT dan dikembalikan dalam hasil.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/help.json" />
      <source>Publishes a vector dataset with its style (as SLD) and its ISO 19139 metadata to a node: GeoServer REST (data store, feature type, style, metadata link), a CSW catalogue with transactions (pycsw, GeoNetwork) and/or an OGC API Records catalogue with transactions. It plans first: DRY_RUN lists every remote change (create, update or skip) and changes nothing. Validation errors block publishing unless OVERRIDE_REASON is given (it is recorded in the metadata lineage); overwriting what the node already serves needs OVERWRITE. If any step fails, everything this publish did is undone. OUTPUT_PLAN is a JSON file with every planned or performed change and its result.</source>
      <translation>Mempublikasikan dataset vektor beserta gayanya (sebagai SLD) dan metadata ISO 19139-nya ke simpul jaringan: GeoServer REST (penyimpanan data, feature type, gaya, tautan metadata), katalog CSW dengan transaksi (pycsw, GeoNetwork) dan/atau katalog OGC API Records dengan transaksi. Rencana dibuat terlebih dahulu: DRY_RUN mencantumkan setiap perubahan di simpul (buat, perbarui, atau lewati) tanpa mengubah apa pun. Galat validasi menghalangi publikasi kecuali OVERRIDE_REASON diisi (dicatat di lineage metadata); menimpa apa yang sudah dilayani simpul memerlukan OVERWRITE. Jika satu langkah gagal, semua yang dilakukan publikasi ini dibatalkan. OUTPUT_PLAN adalah berkas JSON berisi setiap perubahan yang direncanakan atau dilakukan beserta hasilnya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/help.json" />
      <source>Searches the metadata catalogues (CSW, OGC API Records, CKAN) of several nodes at once and writes the records found as a layer of footprints (EPSG:4326 rectangles) with identifier, title, abstract, node, type, date and links (JSON) as attributes. Records held by several nodes appear once. NODES takes node ids from your node list or catalogue URLs, separated by commas or new lines; empty means every node in your list. Every record found is kept in the offline cache; with OFFLINE the search reads only that cache. A node that does not answer is reported and never stops the others.</source>
      <translation>Mencari di katalog metadata (CSW, OGC API Records, CKAN) beberapa simpul jaringan sekaligus dan menulis rekaman yang ditemukan sebagai layer cakupan (persegi EPSG:4326) dengan atribut identifier, judul, abstrak, simpul, jenis, tanggal, dan tautan (JSON). Rekaman yang dimiliki beberapa simpul hanya muncul sekali. NODES berisi id simpul dari daftar simpul Anda atau URL katalog, dipisahkan koma atau baris baru; kosong berarti semua simpul di daftar Anda. Setiap rekaman yang ditemukan disimpan di cache luring; dengan OFFLINE pencarian hanya membaca cache tersebut. Simpul yang tidak menjawab dilaporkan dan tidak pernah menghentikan simpul lainnya.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/help.json" />
      <source>Writes a KUGI-standard copy of a raw dataset to a NEW GeoPackage or Shapefile; the source is never changed. FEATURE_TYPE is an FCODE or KUGI layer name (suggested from the layer's name, geometry and fields when empty). FIELD_MAP maps the dataset's columns onto KUGI attributes as source=TARGET pairs separated by commas (automatic by name, alias and similarity when empty). The KUGI attributes missing from the data are added with the catalogue's types and lengths; FCODE comes from the feature type, SRS_ID from the reference system, METADATA is the identifier of the metadata record (METADATA file, or one generated with the node DEFAULTS and written beside the output). Coded values are matched to the KUGI domains (the unmatched ones are listed), the domains become value maps on the layer's form, and the layer is named after its feature type. The safe fixes of the Fix dataset tool are applied too (SRGI2013, geometry repair, UTF-8 text).</source>
      <translation>Menulis salinan dataset mentah yang sesuai standar KUGI ke GeoPackage atau Shapefile BARU; sumbernya tidak pernah diubah. FEATURE_TYPE berisi FCODE atau nama layer KUGI (disarankan dari nama layer, geometri, dan kolomnya bila kosong). FIELD_MAP memadankan kolom dataset ke atribut KUGI sebagai pasangan sumber=TARGET yang dipisah koma (otomatis menurut nama, alias, dan kemiripan bila kosong). Atribut KUGI yang belum ada ditambahkan dengan tipe dan panjang sesuai katalog; FCODE diambil dari jenis unsur, SRS_ID dari sistem referensi, METADATA berisi pengenal rekaman metadata (berkas METADATA, atau rekaman yang dibuat dengan DEFAULTS simpul dan disimpan di samping keluaran). Nilai berkode dipadankan ke domain KUGI (yang tidak cocok dicantumkan), domain dipasang sebagai value map pada formulir layer, dan layer dinamai sesuai jenis unsurnya. Perbaikan aman dari alat Perbaiki dataset juga diterapkan (SRGI2013, perbaikan geometri, teks UTF-8).</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/help.json" />
      <source>Checks a vector dataset against the national standards before it is shared: KUGI (layer name, geometry type, required attributes, types, FCODE, domains, SRS_ID, METADATA), the SRGI2013 reference system, geometry validity, empty and duplicate geometries, overlaps, gaps (administrative areas) and slivers, text encoding, the extent of Indonesia and, when a file is given or found beside the dataset, the ISO metadata. FEATURE_TYPE (an FCODE or KUGI layer name) overrides the feature type found from the FCODE and the layer name. Writes an error layer (GeoPackage), an HTML report and a JSON report; the source is only read.</source>
      <translation>Memeriksa dataset vektor terhadap standar nasional sebelum dibagikan: KUGI (nama layer, tipe geometri, atribut wajib, tipe atribut, FCODE, domain, SRS_ID, METADATA), sistem referensi SRGI2013, validitas geometri, geometri kosong dan ganda, tumpang tindih, celah (wilayah administrasi) dan sliver, pengodean teks, cakupan wilayah Indonesia dan, bila berkasnya diberikan atau ada di samping dataset, metadata ISO. FEATURE_TYPE (FCODE atau nama layer KUGI) menggantikan jenis unsur yang dikenali dari FCODE dan nama layer. Menulis layer kesalahan (GeoPackage), laporan HTML dan laporan JSON; sumber hanya dibaca.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/help.json" />
      <source>Validates every vector dataset of a folder (GeoPackage layers, Shapefiles, GeoJSON …; sub-folders too when RECURSIVE) or every layer of one GeoPackage in one run, and writes one report over all of them. A file that cannot be read is reported (rule dataset.readable) and the run goes on. Metadata files named &lt;layer&gt;.xml are looked for beside each dataset or in METADATA_FOLDER.</source>
      <translation>Memvalidasi setiap dataset vektor dalam folder (layer GeoPackage, Shapefile, GeoJSON …; termasuk subfolder bila RECURSIVE) atau setiap layer dalam satu GeoPackage sekaligus, dan menulis satu laporan untuk semuanya. Berkas yang tidak dapat dibaca dilaporkan (aturan dataset.readable) dan proses berlanjut. Berkas metadata bernama &lt;layer&gt;.xml dicari di samping setiap dataset atau di METADATA_FOLDER.</translation>
    </message>
    <message>
      <location filename="../sdi_plugin/processing/help.json" />
      <source>Or give a PostGIS connection and schema (POSTGIS_CONNECTION, POSTGIS_SCHEMA): every table with geometry in it is validated, the geometry and topology rules as SQL in the database.</source>
      <translation>Atau isi koneksi dan skema PostGIS (POSTGIS_CONNECTION, POSTGIS_SCHEMA): setiap tabel bergeometri di dalamnya divalidasi, aturan geometri dan topologi sebagai SQL di basis data.</translation>
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
