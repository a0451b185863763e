#include "ui/test_alert.h"

namespace vt {

ShownAlert makeTestAlert(UnixSeconds now) {
    ShownAlert a;
    a.source = "maintenance";
    a.alert.identifier = "test";
    a.alert.sender = "vetrina-maintenance";
    // Status Test gives the band its "PROVA · TEST" line (alert_view.cpp), as for a CAP Test.
    a.alert.status = "Test";
    a.alert.msgType = "Alert";
    a.alert.sent = now;
    a.label = "PROVA";
    a.takeover = true;
    a.from = now;
    CapInfo& i = a.info;
    i.language = "it-IT";
    // No severity or urgency: a test must not read "Gravità: estrema" to a passer-by.
    i.event = "Prova";
    i.senderName = "Manutenzione del chiosco (prova tecnica)";
    i.headline = "Avviso di prova: nessuna emergenza \xC2\xB7 Test alert: no emergency";
    i.description =
        "Questa \xC3\xA8 una prova tecnica dello schermo e dell'audio, avviata dalla manutenzione. "
        "Non c'\xC3\xA8 nessuna emergenza in corso.\n\n"
        "This is a technical test of the screen and the audio, started from the maintenance panel. "
        "There is no emergency.";
    i.instruction =
        "Nessuna azione richiesta: tocca \xE2\x80\x9CHo capito\xE2\x80\x9D per chiudere. \xC2\xB7 "
        "Nothing to do: tap \xE2\x80\x9CHo capito\xE2\x80\x9D to close.";
    a.alert.infos.push_back(i);
    return a;
}

std::string testAlertSpeech() {
    return "Avviso di prova. Questa \xC3\xA8 una prova tecnica dello schermo e dell'audio. "
           "Non c'\xC3\xA8 nessuna emergenza.";
}

}  // namespace vt
