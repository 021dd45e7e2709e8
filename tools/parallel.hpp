// Many documents at once, their results in input order: `work(i)` runs on up to `jobs` threads,
// `emit(i, result)` on the calling thread for i = 0, 1, 2 ... as soon as result i is ready.
//
//     for_each_in_order(files.size(), jobs,
//                       [&](std::size_t i) { return extract_file(files[i]); },
//                       [&](std::size_t i, document&& d) { print(d); });
//
// At most a few results per thread wait to be emitted, so memory stays bounded however many
// documents there are.  An exception from `work` is rethrown from here, at its turn.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

template <class Work, class Emit>
void for_each_in_order(std::size_t count, unsigned jobs, Work work, Emit emit) {
    using result = std::invoke_result_t<Work&, std::size_t>;
    if (jobs <= 1 || count <= 1) {
        for (std::size_t i = 0; i < count; ++i) emit(i, work(i));
        return;
    }
    struct slot {
        std::optional<result> value;
        std::exception_ptr failure;
        bool done = false;
    };
    std::vector<slot> slots(count);
    std::mutex mutex;
    std::condition_variable ready, room;
    std::size_t next = 0, emitted = 0;
    bool stop = false;
    std::size_t const window = std::size_t{jobs} * 4;

    auto worker = [&] {
        while (true) {
            std::size_t i = 0;
            {
                std::unique_lock lock(mutex);
                room.wait(lock, [&] { return stop || next >= count || next < emitted + window; });
                if (stop || next >= count) return;
                i = next++;
            }
            slot s;
            try {
                s.value.emplace(work(i));
            } catch (...) {
                s.failure = std::current_exception();
            }
            s.done = true;
            {
                std::lock_guard lock(mutex);
                slots[i] = std::move(s);
            }
            ready.notify_all();
        }
    };

    std::vector<std::thread> threads;
    // Joins the workers however this function is left.
    struct joiner {
        std::vector<std::thread>& threads;
        std::mutex& mutex;
        bool& stop;
        std::condition_variable& room;
        ~joiner() {
            {
                std::lock_guard lock(mutex);
                stop = true;
            }
            room.notify_all();
            for (auto& t : threads) t.join();
        }
    } const join_all{threads, mutex, stop, room};
    for (std::size_t t = 0; t < jobs && t < count; ++t) threads.emplace_back(worker);

    for (std::size_t i = 0; i < count; ++i) {
        slot s;
        {
            std::unique_lock lock(mutex);
            ready.wait(lock, [&] { return slots[i].done; });
            s = std::move(slots[i]);
            slots[i] = slot{};
            emitted = i + 1;
        }
        room.notify_all();
        if (s.failure) std::rethrow_exception(s.failure);
        emit(i, std::move(*s.value));
    }
}
