"""How work runs: the QgsTask bridge, starting/ending QGIS in a process, the dataset travelling the panel's steps."""
