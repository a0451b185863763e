#include "core/bench/pdf_writer.h"

#include <cstdio>

namespace vt {

PdfWriter::PdfWriter() : m_out("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n") {}

void PdfWriter::object(const std::string& body) {
    m_offsets.push_back(m_out.size());
    m_out += std::to_string(m_offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
}

std::string PdfWriter::stream(const std::string& dict, const std::string& data) {
    return "<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

std::string PdfWriter::finish() {
    const std::size_t xref = m_out.size();
    m_out += "xref\n0 " + std::to_string(m_offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t o : m_offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        m_out += line;
    }
    m_out += "trailer\n<< /Size " + std::to_string(m_offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
             std::to_string(xref) + "\n%%EOF\n";
    return m_out;
}

}  // namespace vt
