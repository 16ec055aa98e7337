// Progress reporting: bool(fraction 0..1, message); returning false cancels the operation.
// Long steps take a scaled sub-range. Worker threads never call it directly.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace eco {

using ProgressFn = std::function<bool(double fraction, std::string_view message)>;

class Progress {
public:
    Progress() = default;
    Progress(ProgressFn fn, double lo = 0.0, double hi = 1.0) : fn_(std::move(fn)), lo_(lo), hi_(hi) {}

    // Reports a fraction of this range; throws Cancelled when the callback returns false.
    void report(double fraction, std::string_view message) const {
        if (!fn_) return;
        if (fraction < 0) fraction = 0;
        if (fraction > 1) fraction = 1;
        if (!fn_(lo_ + (hi_ - lo_) * fraction, message))
            throw Cancelled("cancelled by the user");
    }
    // A sub-range [a, b] of this range (a, b in 0..1 of this range).
    Progress sub(double a, double b) const { return Progress(fn_, lo_ + (hi_ - lo_) * a, lo_ + (hi_ - lo_) * b); }
    bool active() const { return static_cast<bool>(fn_); }

private:
    ProgressFn fn_;
    double lo_ = 0.0, hi_ = 1.0;
};

}  // namespace eco
