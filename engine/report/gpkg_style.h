// QGIS layer styles embedded in a GeoPackage.
//
// QGIS keeps the styles of the layers of a GeoPackage in a table `layer_styles` (one row per
// style; the row with useAsDefault = 1 is applied when the layer is opened). ecoshield writes the
// QML of styles/<name>.qml there so that every output opens in QGIS styled, with Chinese field
// aliases, and no extra step.
//
// The table is created exactly as QGIS creates it (QgsOgrUtils::saveStyle: the same OGR calls,
// hence the same SQL and the same gpkg_contents entry, data_type 'attributes'). When the config
// option OGR_CURRENT_DATE is set, update_time takes that value, so the same inputs give the same
// bytes. Prefer the form "2024-01-01T00:00:00.000Z": GDAL copies the option as it is into
// gpkg_contents.last_change, and GDAL's validate_gpkg.py wants the fractional seconds there.
#pragma once

#include <string>

#include <ogr_core.h>

class GDALDataset;

namespace eco::report {

// Stores `qml_text` as the default QGIS style (useAsDefault = 1) of layer `layer_name` of the
// GeoPackage `ds` (open for update). Creates `layer_styles` if missing (and registers an existing
// but unregistered one in gpkg_contents). A previous default style of that layer stops being the
// default (its row stays, as in QGIS); a style of the same name for that layer is replaced in
// place. `style_name` empty means the layer name, as in QGIS.
// With OGR_CURRENT_DATE set, update_time is that date in GeoPackage's form
// ("2024-05-01T00:00:00.000Z", offsets turned into UTC), or the option's text as it is when it
// does not parse; otherwise the current UTC time.
// Throws eco::BadInput (not a GeoPackage, read-only, no such layer, empty QML) or eco::Failure
// (SQLite/GDAL error); messages start with "gpkg: ".
void write_layer_style(GDALDataset& ds, const std::string& layer_name, const std::string& qml_text,
                       const std::string& style_name, const std::string& description = "");

// The text of styles/<style_name>.qml, looked up in the folder named by the environment variable
// ECOSHIELD_STYLES, then in <source tree>/styles. Throws eco::Failure naming the file and the
// folders searched when it is missing, eco::BadInput when the name is not a plain file name.
std::string load_style(const std::string& style_name);

// The style to use for a layer of geometry type `geometry_type`: `style_name` itself when its QML
// declares that geometry (or none), otherwise the variant of the same family that does:
// "<base>" (polygon), "<base>_line", "<base>_point" (e.g. water_zone -> water_zone_line for river
// reaches, sites_polygon -> sites_point). Falls back to `style_name` when no variant fits.
std::string resolve_style(const std::string& style_name, OGRwkbGeometryType geometry_type);

// load_style(resolve_style(style_name, layer geometry)) written with write_layer_style, the style
// row named after the resolved style.
void write_style_for(GDALDataset& ds, const std::string& layer_name, const std::string& style_name);

}  // namespace eco::report
