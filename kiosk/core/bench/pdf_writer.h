// A minimal PDF file writer: numbered objects and a correct cross-reference table. The bench and
// the tests write the PDFs they need with it (no binary fixtures); the kiosk itself never writes
// PDFs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vt {

class PdfWriter {
public:
    PdfWriter();
    // Adds object number size()+1 with this body (a dictionary, or a dictionary and its stream).
    void object(const std::string& body);
    // "<< dict /Length n >> stream ... endstream".
    static std::string stream(const std::string& dict, const std::string& data);
    // The whole file, with object 1 as the catalogue.
    std::string finish();

private:
    std::string m_out;
    std::vector<std::size_t> m_offsets;  // of objects 1..n
};

}  // namespace vt
