#include "kiosk_ops.h"

#include "core/log/log.h"

namespace vt {

KioskOps::KioskOps(const Config& config, std::function<void()> wakeUi, std::function<void()> syncNow)
    : clock(config.clock.maxSkewSeconds),
      grab(std::move(wakeUi)),
      m_config(config),
      m_keeper(config, &clock, std::move(syncNow)) {
    clock.setStatePath(config.dataDir + "/clock.json");
    if (clock.load() && clock.state().correcting)
        logInfo("clock", describeClockIt(clock.state()) + " (saved correction, until a server answers)");
    if (config.fleet.enabled()) m_fleet = std::make_unique<FleetReporter>(config, &clock, &usage, &grab);
}

KioskOps::~KioskOps() {
    stop();
}

void KioskOps::start() {
    m_keeper.start();
    if (m_fleet) m_fleet->start();
}

void KioskOps::stop() {
    if (m_fleet) m_fleet->stop();
    m_keeper.stop();
}

std::vector<std::pair<std::string, std::string>> KioskOps::notes() const {
    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back("Orologio", describeClockIt(clock.state()));
    const CacheKeeperStatus cache = m_keeper.status();
    std::string c = describeCacheIt(cache.plan, m_config.storage.cacheBytes);
    if (cache.verified)
        c += " \xC2\xB7 " + std::to_string(cache.checked) + " file verificati" +
             (cache.damaged ? ", " + std::to_string(cache.damaged) + " danneggiati riscaricati" : "");
    out.emplace_back("Archivio file", c);
    if (m_fleet) {
        const FleetStatus f = m_fleet->status();
        std::string s =
            f.lastSuccess ? "ultimo invio " + formatIsoRome(f.lastSuccess) : "nessun invio riuscito";
        if (!f.lastError.empty())
            s += " \xC2\xB7 errore: " + f.lastError + " (" + std::to_string(f.queued) + " in coda)";
        out.emplace_back("Rapporto di stato", s);
    }
    return out;
}

}  // namespace vt
