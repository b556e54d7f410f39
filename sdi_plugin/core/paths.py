"""Where the plugin's files are. ``resources/`` and ``i18n/`` sit inside the installed plugin
folder; in a checkout they are symlinks from ``sdi_plugin/`` to the top-level folders."""
import os

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESOURCES_DIR = os.path.join(PLUGIN_DIR, "resources")
I18N_DIR = os.path.join(PLUGIN_DIR, "i18n")
ICON = os.path.join(RESOURCES_DIR, "icons", "simpul.svg")


def resource(*parts):
    return os.path.join(RESOURCES_DIR, *parts)
