// Act types onto the AgID vocabulary of the municipal notice board, and the filter chips the
// albo screen shows. Vendors name types freely ("Determina", "Determine dirigenziali",
// "ATTI AMMINISTRATIVI"...): we read the type, and the subject when the type says nothing.
#pragma once

#include "core/model/act.h"

#include <string>
#include <string_view>
#include <vector>

namespace vt {

struct ActClass {
    std::string agidCode;  // "A.02.01"; "D" (Atto generico) when nothing matched
    std::string category;  // one of alboCategories()
};

// The chips, in screen order: Delibere, Determinazioni, Ordinanze e decreti, Avvisi e bandi,
// Concorsi, Pubblicazioni di matrimonio, Altro.
const std::vector<std::string>& alboCategories();
bool isAlboCategory(std::string_view name);

// The AgID label of a code ("A.02.01" -> "Deliberazione del Consiglio comunale"); empty if unknown.
std::string agidLabel(std::string_view code);
// Every code of the vocabulary this build knows (for tests against the published CSV).
std::vector<std::string> agidCodes();

ActClass classifyActType(std::string_view type, std::string_view subject);
// Sets act.agidCode and act.category.
void classifyAct(Act& act);

}  // namespace vt
