// The run record's input facts (size, SHA-256: io::file_facts) computed on oneTBB tasks while
// the caller goes on working: hashing a 450 MB input takes one core about 1.5 s, which need not
// wait in line before the overlay. With --threads 1 the tasks run inside get(), one after another.
#pragma once
#include <tbb/task_group.h>

#include <string>
#include <vector>

#include "io/gdal_util.h"

namespace eco::io {

class FactsTask {
public:
    // `paths` in the order the record lists them; a path given twice is hashed once.
    explicit FactsTask(const std::vector<std::string>& paths) {
        for (const auto& p : paths) {
            bool seen = false;
            for (const auto& q : paths_) seen = seen || q == p;
            if (!seen) paths_.push_back(p);
        }
        facts_.resize(paths_.size());
        for (size_t i = 0; i < paths_.size(); ++i) tg_.run([this, i] { facts_[i] = file_facts(paths_[i]); });
    }
    FactsTask(const FactsTask&) = delete;
    FactsTask& operator=(const FactsTask&) = delete;
    ~FactsTask() {
        try {
            tg_.wait();
        } catch (...) {  // an unwinding caller has its own error to report
        }
    }
    // Waits for the facts (in the order of the paths, duplicates dropped).
    std::vector<FileFacts> get() {
        tg_.wait();
        return facts_;
    }

private:
    std::vector<std::string> paths_;
    std::vector<FileFacts> facts_;
    tbb::task_group tg_;
};

}  // namespace eco::io
