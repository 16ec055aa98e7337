// GCJ-02 ("Mars coordinates" of Chinese web maps) <-> WGS84. The forward offset is the published
// formula; the inverse is solved by fixed-point iteration to 1e-10 degrees. Outside China's box
// no offset is applied.
#pragma once

namespace eco::io {

bool gcj02_applies(double lon, double lat);
void wgs84_to_gcj02(double lon, double lat, double& out_lon, double& out_lat);
void gcj02_to_wgs84(double lon, double lat, double& out_lon, double& out_lat);

}  // namespace eco::io
