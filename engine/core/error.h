// Errors of the engine. Every message starts with the operation's name and says what to do:
//   throw eco::BadInput("screen: layer 'redlines' has no CRS; pass --assume-crs EPSG:4490 if you know it");
// The CLI maps BadInput to exit status 2, Failure to 1, Cancelled to 130.
#pragma once
#include <stdexcept>
#include <string>

namespace eco {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
    virtual int exit_code() const { return 1; }
};

// The input is wrong (missing file, no CRS, malformed rules...): the user must change something.
class BadInput : public Error {
public:
    using Error::Error;
    int exit_code() const override { return 2; }
};

// Something failed that is not the user's input (a library call, the disk...).
class Failure : public Error {
public:
    using Error::Error;
};

// The progress callback returned false.
class Cancelled : public Error {
public:
    using Error::Error;
    int exit_code() const override { return 130; }
};

}  // namespace eco
