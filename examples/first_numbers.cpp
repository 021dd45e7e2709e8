// The first program: the numbers in a sentence, each with its text and exact value.
//
//     $ first_numbers "完成税收598万元"
//     598万	5980000
//
// Built by the consumer tests (tests/consumer/) both through find_package and add_subdirectory.
#include <zhquant/zhquant.hpp>

#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
    std::string_view const text = argc > 1 ? argv[1] : "完成税收598万元，同比增长8.3%";

    auto const found = zhquant::find_numbers(text);
    for (auto const& n : found.numbers) {
        std::cout << text.substr(n.start, n.end - n.start) << '\t' << n.value.to_string();
        if (n.high) std::cout << ".." << n.high->to_string();
        std::cout << '\n';
    }
    for (auto const& e : found.errors) std::cerr << e.offset << ": error: " << e.message << '\n';
    return found.errors.empty() ? 0 : 1;
}
