// An output directory whose files are written under temporary names and renamed into place
// only when the whole run succeeded: an interrupted run leaves no half-written file under a
// final name. Inputs are never touched.
#pragma once
#include <string>
#include <vector>

namespace eco::report {

class OutputDir {
public:
    // Creates the directory if needed; BadInput "<op>: cannot write to '<dir>' ..." if it is not
    // writable.
    OutputDir(std::string dir, std::string op);
    ~OutputDir();  // removes temporary files of an uncommitted run
    OutputDir(const OutputDir&) = delete;
    OutputDir& operator=(const OutputDir&) = delete;

    // Temporary path for the final file `name` (e.g. "report.json").
    std::string temp(const std::string& name);
    // Writes `text` to the temporary file of `name`; Failure naming the final file when the
    // write fails (disk full).
    void write_text(const std::string& name, const std::string& text);
    // A file an earlier run may have left that this run does not write (report.html under
    // --no-html): removed at commit, so the directory holds no output that disagrees with the
    // others; an interrupted run leaves it as it was.
    void remove_at_commit(const std::string& name);
    // Renames every temporary file to its final name, then removes the files of remove_at_commit.
    void commit();
    // The final paths of every file of this run, in the order they were started.
    std::vector<std::string> final_paths() const;
    const std::string& dir() const { return dir_; }
    std::string final_path(const std::string& name) const { return dir_ + "/" + name; }
    const std::vector<std::string>& names() const { return names_; }

private:
    std::string dir_, op_;
    std::vector<std::string> names_, stale_;
    bool committed_ = false;
};

// Removes, with unlink() only (safe inside a signal handler), every temporary file of every
// OutputDir not yet committed or destroyed, and the SQLite journal next to it. For a second
// Ctrl-C that must not wait for the run to unwind.
void remove_temp_files_now() noexcept;

// The creation time for run records: $SOURCE_DATE_EPOCH when set (reproducible builds), else now;
// ISO 8601 UTC.
std::string run_timestamp();

}  // namespace eco::report
