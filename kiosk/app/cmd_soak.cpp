// vetrina soak [--hours H] [--seed N] [--start ISO] [--size WxH] [--warmup-hours H]
//              [--raster-every N] [--keep DIR] [--out FILE.json]
// The long run: the kiosk headless on a simulated clock for H hours (24 by default), with random
// visitors (taps on whatever is on screen, drags, typing in the search), a sync of local file://
// sources every few simulated minutes whose content changes (new acts, news, CAP alerts issued
// and cancelled), idle resets, the attract loop and the sleep hours. Frames are drawn when the
// real loop (KioskHost::run) would draw them: on input, when the UI asks, on the clock's minute.
// Resident memory is sampled; the verdict fails when the lowest sample of the last quarter is
// 2 MB or more above the sample at the end of the warm-up.
// Any assertion (IM_ASSERT, a sanitizer) ends the process, so finishing is the other half.
#include "args.h"
#include "commands.h"
#include "demo_sources.h"
#include "kiosk_session.h"

#include "core/alerts/alert_store.h"
#include "core/bench/synthetic.h"
#include "core/feedback/feedback.h"
#include "core/search/search.h"
#include "core/sync/sync_engine.h"
#include "core/system/heap.h"
#include "core/system/system_info.h"
#include "core/util/files.h"
#include "core/util/sanitizers.h"
#include "platform/journey_runner.h"

#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

namespace vt {

namespace fs = std::filesystem;

namespace {

constexpr long kGrowthLimitKb = 2048;
// A Monday in late November: day, evening, the sleep hours (01:00-05:30) and the next morning.
constexpr const char* kStart = "2026-11-23T06:00:00+01:00";
constexpr int kKeptActs = 200;  // a feed lists only its latest items; the store keeps the rest

std::string rfc822(UnixSeconds t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    return buf;
}

std::string xmlEscape(const std::string& s) {
    std::string o;
    for (char c : s) {
        if (c == '&')
            o += "&amp;";
        else if (c == '<')
            o += "&lt;";
        else if (c == '>')
            o += "&gt;";
        else
            o += c;
    }
    return o;
}

// The feeds the "town" publishes, rewritten as simulated time goes by.
class SoakFeeds {
public:
    SoakFeeds(fs::path dir, std::mt19937& rng) : m_dir(std::move(dir)), m_rng(rng) {}

    void start(UnixSeconds now) {
        m_day = romeDate(now);
        m_acts = 2000;  // the first feed brings the archive of the last two weeks
        writeAlbo(2000);
        for (int i = 0; i < 4; ++i) addNews(now - 3600 * (4 - i));
        writeNews();
        // No alert yet: an exercise that expired last week, which the kiosk never shows.
        writeCap(capAlert("SOAK-0", "Exercise", "Minor", now - 8 * 86400, now - 7 * 86400));
    }

    // What changes before a sync: new acts most times, news sometimes. Returns true when a file changed.
    bool evolve(UnixSeconds now) {
        bool changed = false;
        if (m_rng() % 3 != 0) {
            m_acts += 1 + static_cast<int>(m_rng() % 3);
            writeAlbo(kKeptActs);
            changed = true;
        }
        if (m_rng() % 6 == 0) {
            addNews(now);
            writeNews();
            changed = true;
        }
        return changed;
    }

    std::string issueAlert(UnixSeconds now) {
        const std::string id = "SOAK-" + std::to_string(++m_alerts);
        // Odd ones are severe (the takeover), even ones moderate (the banner only).
        const bool severe = m_alerts % 2 == 1;
        writeCap(capAlert(id, "Actual", severe ? "Severe" : "Moderate", now, now + 6 * 3600));
        m_liveAlert = id;
        m_liveSent = now;
        return id;
    }
    void cancelAlert(UnixSeconds now) {
        const std::string refs = kSender + std::string(",") + m_liveAlert + "," + formatIsoRome(m_liveSent);
        writeCap(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert "
            "xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
            "<identifier>" +
            m_liveAlert + "-C</identifier><sender>" + kSender + "</sender><sent>" + formatIsoRome(now) +
            "</sent><status>Actual</status><msgType>Cancel</msgType><scope>Public</scope>"
            "<references>" +
            refs + "</references></alert>\n");
        m_liveAlert.clear();
    }
    bool alertLive() const { return !m_liveAlert.empty(); }
    int alertsIssued() const { return m_alerts; }
    int acts() const { return m_acts; }
    int news() const { return m_newsCount; }

private:
    static constexpr const char* kSender = "protezionecivile@regione.soak.example";

    void writeAlbo(int kept) {
        std::vector<Act> all = makeSyntheticActs(m_acts, m_day, "albo");
        std::vector<Act> tail(all.end() - std::min<long>(kept, long(all.size())), all.end());
        writeFileAtomic((m_dir / "albo.xml").string(), toAlboPopRss(tail));
    }
    void addNews(UnixSeconds at) {
        static const char* kTitles[] = {"Raccolta dei rifiuti ingombranti",
                                        "Sportello anagrafe: nuovo orario",
                                        "Lavori sulla rete idrica",
                                        "Iscrizioni al centro estivo",
                                        "Chiusura della biblioteca per inventario",
                                        "Mercato straordinario in piazza"};
        const int n = ++m_newsCount;
        m_news.push_back("<item><title>" + xmlEscape(std::string(kTitles[m_rng() % 6])) + " (" +
                         std::to_string(n) + ")</title><guid>soak-" + std::to_string(n) + "</guid><pubDate>" +
                         rfc822(at) + "</pubDate><description>Avviso numero " + std::to_string(n) +
                         " della prova di durata.</description></item>\n");
        if (m_news.size() > 5) m_news.erase(m_news.begin());
    }
    void writeNews() {
        std::string x =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss "
            "version=\"2.0\"><channel><title>Notizie</title>\n";
        for (const auto& i : m_news) x += i;
        writeFileAtomic((m_dir / "news.xml").string(), x + "</channel></rss>\n");
    }
    static std::string capAlert(const std::string& id, const std::string& status, const std::string& severity,
                                UnixSeconds from, UnixSeconds to) {
        const std::string info =
            "<category>Met</category><event>Temporali</event><urgency>Expected</urgency>"
            "<severity>" +
            severity + "</severity><certainty>Likely</certainty><effective>" + formatIsoRome(from) +
            "</effective><expires>" + formatIsoRome(to) + "</expires>";
        const std::string area =
            "<area><areaDesc>Comune</areaDesc><geocode><valueName>EMMA_ID</valueName>"
            "<value>IT003</value></geocode></area>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert "
               "xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
               "<identifier>" +
               id + "</identifier><sender>" + kSender + "</sender><sent>" + formatIsoRome(from) +
               "</sent><status>" + status +
               "</status><msgType>Alert</msgType><scope>Public</scope><info>"
               "<language>it-IT</language>" +
               info + "<headline>Allerta per temporali (" + id +
               ")</headline>"
               "<description>Prova di durata: evitare i sottopassi.</description>" +
               area + "</info></alert>\n";
    }
    void writeCap(const std::string& xml) { writeFileAtomic((m_dir / "alert.xml").string(), xml); }

    fs::path m_dir;
    std::mt19937& m_rng;
    CivilDate m_day;
    int m_acts = 0, m_alerts = 0, m_newsCount = 0;
    std::vector<std::string> m_news;
    std::string m_liveAlert;
    UnixSeconds m_liveSent = 0;
};

std::string soakConfig(const fs::path& dir, int w, int h) {
    const std::string content = std::string(VETRINA_SOURCE_DIR) + "/content";
    std::string t = "[town]\nname = \"Comune di Borgo Vetrina (prova di durata)\"\n[paths]\ndata_dir = \"" +
                    (dir / "data").string() + "\"\n[display]\nwidth = " + std::to_string(w) +
                    "\nheight = " + std::to_string(h) +
                    "\ndiagonal_inches = 32\n[kiosk]\ngeocodes = [\"EMMA_ID=IT003\"]\n"
                    "[screen]\nsleep = \"Mo-Su 01:00-05:30\"\n";
    t += sourceEntry("albo", "albopop", "file://" + (dir / "feeds/albo.xml").string());
    t += sourceEntry("notizie", "news", "file://" + (dir / "feeds/news.xml").string());
    t += sourceEntry("protezione-civile", "cap", "file://" + (dir / "feeds/alert.xml").string());
    t += demoContentSources(content);
    return t;
}

struct Counters {
    long frames = 0, rasterized = 0, visits = 0, taps = 0, drags = 0, keys = 0, waits = 0;
    long syncs = 0, syncsChanged = 0, syncFailures = 0, alertsCancelled = 0;
    long attractStarts = 0, sleeps = 0, takeoverFrames = 0, alertFrames = 0;
};

// The simulated kiosk: host, UI and clock, advanced the way KioskHost::run would.
class SoakDriver {
public:
    SoakDriver(KioskSession& s, std::mt19937& rng, int rasterEvery)
        : m_s(s), m_rng(rng), m_rasterEvery(std::max(1, rasterEvery)) {}

    double now() const { return m_now; }
    void setNow(double t) { m_now = t; }
    Counters& counts() { return m_c; }

    // One frame at the current instant, `dt` after the previous one.
    bool frame(double dt) {
        const bool raster = m_c.frames % m_rasterEvery == 0;
        const bool more =
            m_s.host->frame(*m_s.ui, static_cast<UnixSeconds>(m_now), static_cast<float>(dt), raster);
        ++m_c.frames;
        if (raster) ++m_c.rasterized;
        if (m_s.ui->attractPlaying() && !m_wasAttract) ++m_c.attractStarts;
        if (m_s.host->asleep() && !m_wasAsleep) ++m_c.sleeps;
        if (m_s.host->tree().containsText("Ho capito")) ++m_c.takeoverFrames;
        if (m_s.host->tree().containsText("Allerta per temporali (SOAK-")) ++m_c.alertFrames;
        m_wasAttract = m_s.ui->attractPlaying();
        m_wasAsleep = m_s.host->asleep();
        return more;
    }

    // Nobody touches the screen until `until`: frames only when the UI asks, on the clock's
    // minute (not while dark), and right away while something moves.
    void idleUntil(double until) {
        while (m_now < until) {
            double next = m_more ? 1.0 / 60.0 : 3600.0;
            if (!m_s.host->asleep()) next = std::min(next, 60.0 - std::fmod(m_now, 60.0));
            if (m_s.host->nextFrameIn() >= 0) next = std::min(next, m_s.host->nextFrameIn());
            next = std::max(next, 1e-3);
            if (m_now + next > until) next = until - m_now;
            m_now += next;
            m_more = frame(next);
        }
    }

    // A visitor: wakes the screen, then taps, scrolls, types and reads for a while.
    void visit() {
        ++m_c.visits;
        const float w = float(m_s.host->width()), h = float(m_s.host->height());
        JourneyRunner r(*m_s.host, *m_s.ui, static_cast<UnixSeconds>(m_now));
        r.tapPoint(w * 0.5f, h * 0.5f);  // the touch that ends the attract loop or wakes the screen
        ++m_c.taps;
        const int actions = 3 + static_cast<int>(m_rng() % 18);
        for (int i = 0; i < actions; ++i) {
            const auto pick = m_rng() % 100;
            if (pick < 55) {
                tapSomething(r);
            } else if (pick < 75) {
                const float x = w * (0.2f + float(m_rng() % 60) / 100.0f);
                const float y1 = h * (0.3f + float(m_rng() % 40) / 100.0f);
                const float y2 = std::clamp(y1 + (m_rng() % 2 ? 1.0f : -1.0f) * h * 0.3f, 10.0f, h - 10.0f);
                r.drag(x, y1, x, y2);
                ++m_c.drags;
            } else if (pick < 88) {
                type(r);
            } else {
                r.wait(1.0 + double(m_rng() % 25));  // reading
                ++m_c.waits;
            }
        }
        m_now = double(r.now()) + 1.0;
        m_more = true;
    }

    // Part of the warm-up: every screen once, in every text size and in high contrast, so that
    // first-use allocations (font atlases, screen caches) happen before the baseline sample.
    void tour() {
        std::vector<std::string> routes = {"albo",    "services", "search:carta",
                                           "notices", "events",   "offices"};
        Statement act = m_s.reader.prepare("SELECT id FROM acts ORDER BY id DESC LIMIT 1");
        if (act.step()) routes.push_back("act:" + std::to_string(act.integer(0)));
        Statement sheet = m_s.reader.prepare("SELECT sheet_id FROM sheets ORDER BY sheet_id LIMIT 1");
        if (sheet.step()) routes.push_back("sheet:" + sheet.text(0));
        JourneyRunner r(*m_s.host, *m_s.ui, static_cast<UnixSeconds>(m_now));
        r.tapPoint(float(m_s.host->width()) * 0.5f, float(m_s.host->height()) * 0.5f);
        for (TextSize size : {TextSize::Larger, TextSize::Large, TextSize::Normal}) {
            m_s.ui->session().textSize = size;
            m_s.ui->session().highContrast = size != TextSize::Normal;
            for (const std::string& route : routes) {
                m_s.ui->nav().open(*parseRoute(route));
                r.settle(3);
                m_s.host->rasterizeLast();
            }
        }
        m_s.ui->nav().home();
        r.settle(3);
        m_now = double(r.now()) + 1.0;
        m_more = true;
    }

private:
    void tapSomething(JourneyRunner& r) {
        const SemanticTree& t = m_s.host->tree();
        std::vector<size_t> targets;
        for (size_t i = 0; i < t.size(); ++i)
            if (t[i].interactive && t[i].rect.w > 0 && t[i].rect.h > 0) targets.push_back(i);
        if (targets.empty()) return;
        const SemanticNode& n = t[targets[m_rng() % targets.size()]];
        r.tapPoint(n.rect.centerX(), n.rect.centerY());
        ++m_c.taps;
    }
    void type(JourneyRunner& r) {
        std::string err;
        // The search keyboard, from wherever the visitor is: Home has the "Cerca" tile.
        if (!m_s.host->tree().findInteractive("Lettera A")) {
            if (!m_s.host->tree().findInteractive("Cerca") && !r.tapLabel("Inizio", err)) return;
            if (!r.tapLabel("Cerca", err)) return;
        }
        static const char* kWords[] = {"carta", "residenza",  "tari", "ordinanza",
                                       "bando", "biblioteca", "xq"};
        const std::string word = kWords[m_rng() % 7];
        for (char c : word) {
            const std::string key = std::string("Lettera ") + char(c - 'a' + 'A');
            if (r.tapLabel(key, err)) ++m_c.keys;
        }
        if (m_rng() % 3 == 0 && r.tapLabel("Elimina lettera", err)) ++m_c.keys;
    }

    KioskSession& m_s;
    std::mt19937& m_rng;
    int m_rasterEvery;
    double m_now = 0;
    bool m_more = true, m_wasAttract = false, m_wasAsleep = false;
    Counters m_c;
};

}  // namespace

int cmdSoak(int argc, char** argv) {
    Args args(argc, argv, 2);
    args.allowOnly({"hours", "seed", "size", "warmup-hours", "raster-every", "keep", "out", "start"});
    const double hours = std::stod(args.get("hours").value_or("24"));
    if (!(hours > 0 && hours <= 24 * 30)) throw UsageError("--hours must be between 0 and 720");
    const unsigned seed = static_cast<unsigned>(std::stoul(args.get("seed").value_or("1")));
    const double warmupHours =
        std::stod(args.get("warmup-hours").value_or(std::to_string(std::min(2.0, hours / 4))));
    const int rasterEvery = std::stoi(args.get("raster-every").value_or("20"));
    const std::string size = args.get("size").value_or("1080x1920");
    int w = 0, h = 0;
    if (!parseSize(size, w, h)) throw UsageError("--size \"" + size + "\" is not WxH");

    const fs::path dir = args.get("keep")
                             ? fs::absolute(*args.get("keep"))
                             : fs::temp_directory_path() / ("vetrina-soak-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "feeds");
    fs::create_directories(dir / "data");
    const std::string configPath = (dir / "soak.toml").string();
    writeFileAtomic(configPath, soakConfig(dir, w, h));

    std::mt19937 rng(seed);
    const std::string startText = args.get("start").value_or(kStart);
    const auto startAt = parseIsoInstant(startText);
    if (!startAt) throw UsageError("--start \"" + startText + "\" is not an ISO 8601 instant");
    const UnixSeconds start = *startAt;
    SoakFeeds feeds(dir / "feeds", rng);
    feeds.start(start);

    char* fakeArgv[] = {argv[0], const_cast<char*>("soak"), const_cast<char*>("--config"),
                        const_cast<char*>(configPath.c_str())};
    KioskSession s = KioskSession::open(Args(4, fakeArgv, 2));
    SyncEngine engine(s.config, Database::open(s.config.databasePath()));
    std::set<std::string> syncErrors;  // distinct, for the report
    for (const SyncOutcome& o : engine.syncAll(start))
        if (!o.ok) syncErrors.insert(o.source + ": " + o.message);
    const size_t firstSyncFailures = syncErrors.size();
    s.createHost(w, h, false, true);
    KioskActions actions;
    actions.syncOverview = [&] { return engine.overview(); };
    actions.refreshContent = [] {};
    SoakDriver driver(s, rng, rasterEvery);
    actions.recordFeedback = [&](const std::string& kind, const std::string& item, int face) {
        recordFeedback(engine.database(), kind, item, static_cast<FeedbackFace>(face));
    };
    actions.recordSearchMiss = [&](const std::string& q) {
        recordSearchMiss(engine.database(), q, static_cast<UnixSeconds>(driver.now()));
    };
    actions.alertShown = [&](const std::string& uid) {
        recordAlertShown(engine.database(), uid, static_cast<UnixSeconds>(driver.now()));
    };
    s.ui->setActions(actions);
    s.ui->setStartTime(start);

    const auto wall0 = std::chrono::steady_clock::now();
    const double end = double(start) + hours * 3600;
    const double warmupEnd = double(start) + warmupHours * 3600;
    driver.setNow(double(start));
    driver.frame(1.0 / 60);
    driver.tour();

    // Visitors: about one every 20 minutes by day, rare in the evening and at night.
    const auto nextVisit = [&](double t) {
        const int hour = romeLocal(static_cast<UnixSeconds>(t)).hour;
        const double mean = (hour >= 8 && hour < 19)    ? 20 * 60
                            : (hour >= 19 && hour < 23) ? 60 * 60
                                                        : 180 * 60;
        return t + std::exponential_distribution<double>(1.0 / mean)(rng) + 30;
    };
    const auto nextSyncAfter = [&](double t) { return t + 180 + double(rng() % 241); };  // 3 to 7 minutes
    double visitAt = nextVisit(double(start)), syncAt = nextSyncAfter(double(start));
    double alertAt = double(start) + 1800 + double(rng() % 3600), cancelAt = 1e18;
    double sampleAt = double(start);
    nlohmann::json samples = nlohmann::json::array();
    long baselineKb = -1, peakAfterWarmupKb = 0, lastKb = 0;
    Counters& c = driver.counts();

    while (driver.now() < end) {
        const double next = std::min({visitAt, syncAt, alertAt, cancelAt, sampleAt, end});
        driver.idleUntil(next);
        const double t = driver.now();
        if (t >= sampleAt) {
            lastKb = procFieldKb("/proc/self/status", "VmRSS:");
            // Besides resident memory, what makes it up: anonymous and file-backed pages, the C
            // heap in use and reserved, SQLite's share of the heap. A leak shows in heap_kb; a
            // heap that is not given back shows in heap_reserved_kb and rss_anon_kb only.
            const HeapUse heap = heapUse();
            samples.push_back({{"hour", std::round((t - double(start)) / 36.0) / 100.0},
                               {"rss_kb", lastKb},
                               {"rss_anon_kb", procFieldKb("/proc/self/status", "RssAnon:")},
                               {"rss_file_kb", procFieldKb("/proc/self/status", "RssFile:")},
                               {"heap_kb", heap.inUseKb},
                               {"heap_reserved_kb", heap.reservedKb},
                               {"sqlite_kb", long(sqlite3_memory_used() / 1024)}});
            if (t >= warmupEnd && baselineKb < 0) baselineKb = lastKb;
            if (t >= warmupEnd) peakAfterWarmupKb = std::max(peakAfterWarmupKb, lastKb);
            sampleAt += 600;  // every 10 simulated minutes
        }
        if (t >= alertAt) {
            feeds.issueAlert(static_cast<UnixSeconds>(t));
            cancelAt = t + 1200 + double(rng() % 3600);  // cancelled 20 to 80 minutes later
            alertAt = 1e18;
        }
        if (t >= cancelAt) {
            feeds.cancelAlert(static_cast<UnixSeconds>(t));
            ++c.alertsCancelled;
            cancelAt = 1e18;
            alertAt = t + 1800 + double(rng() % 5400);
        }
        if (t >= syncAt) {
            feeds.evolve(static_cast<UnixSeconds>(t));
            bool changed = false;
            for (const SyncOutcome& o : engine.syncAll(static_cast<UnixSeconds>(t))) {
                changed = changed || o.changed;
                if (!o.ok) {
                    ++c.syncFailures;
                    syncErrors.insert(o.source + ": " + o.message);
                }
            }
            ++c.syncs;
            if (changed) {
                ++c.syncsChanged;
                s.ui->contentChanged();
            }
            driver.frame(1.0 / 60);  // the loop redraws at once after a change
            syncAt = nextSyncAfter(t);
        }
        if (t >= visitAt && t < end) {
            driver.visit();
            visitAt = nextVisit(driver.now());
        }
    }
    lastKb = procFieldKb("/proc/self/status", "VmRSS:");
    samples.push_back({{"hour", hours}, {"rss_kb", lastKb}});
    peakAfterWarmupKb = std::max(peakAfterWarmupKb, lastKb);
    if (baselineKb < 0) baselineKb = lastKb;
    const double wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();

    // Growth: the lowest sample of the last quarter of the run over the value at the end of the
    // warm-up. A leak never gives memory back, so it shows in the lowest sample too; a transient
    // high-water mark (a visitor's large-text font atlas, freed at the reset) does not.
    long lowestLastQuarterKb = lastKb;
    const double lastQuarterFrom = hours * 0.75;
    for (const auto& sm : samples)
        if (sm["hour"].get<double>() >= lastQuarterFrom)
            lowestLastQuarterKb = std::min(lowestLastQuarterKb, sm["rss_kb"].get<long>());
    const long growthKb = lowestLastQuarterKb - baselineKb;
    const long peakGrowthKb = peakAfterWarmupKb - baselineKb;
#ifdef VT_ADDRESS_SANITIZER
    // ASan's quarantine holds freed memory back on purpose: RSS says nothing here, only the run does.
    const bool memoryChecked = false;
#else
    const bool memoryChecked = true;
#endif
    const bool pass = !memoryChecked || growthKb < kGrowthLimitKb;
    const nlohmann::json out = {
        {"hours", hours},
        {"seed", seed},
        {"size", size},
        {"start", startText},
        {"wall_seconds", std::round(wallSeconds * 10) / 10},
        {"frames", c.frames},
        {"frames_rasterized", c.rasterized},
        {"visits", c.visits},
        {"taps", c.taps},
        {"drags", c.drags},
        {"keys_typed", c.keys},
        {"reading_pauses", c.waits},
        {"syncs", c.syncs},
        {"syncs_with_changes", c.syncsChanged},
        {"first_sync_failures", firstSyncFailures},
        {"sync_failures", c.syncFailures},
        {"sync_errors", syncErrors},
        {"acts_published", feeds.acts()},
        {"news_published", feeds.news()},
        {"alerts_issued", feeds.alertsIssued()},
        {"alerts_cancelled", c.alertsCancelled},
        {"takeover_frames", c.takeoverFrames},
        {"alert_frames", c.alertFrames},
        {"attract_loop_starts", c.attractStarts},
        {"sleep_periods", c.sleeps},
        {"warmup_hours", warmupHours},
        {"rss_kb_samples", samples},
        {"rss_kb_after_warmup", baselineKb},
        {"rss_kb_final", lastKb},
        {"rss_kb_peak_after_warmup", peakAfterWarmupKb},
        {"rss_kb_lowest_last_quarter", lowestLastQuarterKb},
        {"growth_kb", growthKb},
        {"growth_kb_final", lastKb - baselineKb},
        {"growth_kb_peak", peakGrowthKb},
        {"growth_limit_kb", kGrowthLimitKb},
        {"memory_checked", memoryChecked},
        {"verdict", pass ? "pass" : "fail"},
    };
    std::printf("%s\n", out.dump(2).c_str());
    if (auto path = args.get("out")) writeFileAtomic(*path, out.dump(2) + "\n");
    s.ui.reset();
    s.host.reset();
    if (!args.get("keep")) fs::remove_all(dir);
    if (!pass)
        std::fprintf(stderr,
                     "vetrina soak: resident memory grew by %ld kB after the warm-up (limit %ld kB)\n",
                     growthKb, kGrowthLimitKb);
    return pass ? 0 : 1;
}

}  // namespace vt
