// SPDX-License-Identifier: GPL-3.0-or-later
// Preferences: the theme switches at once (and is stored), the language is stored for the next
// start, which the application honours (as does --language for one run). The main window's own
// colours follow a theme switch. Settings live in a temporary directory, never the test HOME.
#include <contextpreferences.h>
#include <mainwindow.h>
#include <preferencesdialog.h>
#include <resourcebrowser.h>
#include <sessionmanager.h>
#include <theme.h>

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;

class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void themeAppliesAtOnce();
    void languageIsStoredForNextStart();
    void mainWindowOffersPreferences();
    void appHonoursLanguage();
    void monitoringPerContext();

private:
    QString runApp(const QStringList &arguments, int *exitCode);

    QTemporaryDir m_dir;
};

void TestPreferencesDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("settings"));
    Theme::instance()->applyStoredMode(QStringLiteral("light"));
}

void TestPreferencesDialog::themeAppliesAtOnce()
{
    PreferencesDialog dialog;
    QSignalSpy changed(Theme::instance(), &Theme::changed);
    QComboBox *box = dialog.themeBox();
    box->setCurrentIndex(box->findText(QStringLiteral("Dark")));
    QCOMPARE(Theme::instance()->mode(), Theme::Mode::Dark);
    QVERIFY(Theme::instance()->isDark());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(QSettings().value("appearance/theme").toString(), QString("dark"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);

    // A new dialog shows the mode in force.
    PreferencesDialog again;
    QCOMPARE(again.themeBox()->currentText(), QString("Dark"));
    again.themeBox()->setCurrentIndex(again.themeBox()->findText(QStringLiteral("Light")));
    QCOMPARE(Theme::instance()->mode(), Theme::Mode::Light);
    QVERIFY(!Theme::instance()->isDark());
    QCOMPARE(QSettings().value("appearance/theme").toString(), QString("light"));
}

void TestPreferencesDialog::languageIsStoredForNextStart()
{
    PreferencesDialog dialog;
    QCOMPARE(dialog.languageBox()->currentData().toString(), QString()); // System
    QVERIFY(dialog.languageNote()->text().contains("next time"));
    QVERIFY(!dialog.languageNote()->font().bold());
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("fr")));
    QCOMPARE(QSettings().value("appearance/language").toString(), QString("fr"));
    QCOMPARE(PreferencesDialog::storedLanguage(), QString("fr"));
    QVERIFY(dialog.languageNote()->font().bold()); // differs from what is on screen

    PreferencesDialog again;
    QCOMPARE(again.languageBox()->currentText(), QString::fromUtf8("Français"));
    again.languageBox()->setCurrentIndex(0); // System: the key goes away
    QVERIFY(!QSettings().contains("appearance/language"));

    // A value written by hand that Orrery does not know counts as System.
    QSettings().setValue("appearance/language", "tlh");
    QCOMPARE(PreferencesDialog::storedLanguage(), QString());
    QSettings().remove("appearance/language");
}

void TestPreferencesDialog::mainWindowOffersPreferences()
{
    ContextPreferences preferences(m_dir.filePath("contexts.ini"));
    SessionManager sessions;
    MainWindow window(&sessions, &preferences);
    auto *action = window.findChild<QAction *>(QStringLiteral("preferencesAction"));
    QVERIFY(action);
    QVERIFY(action->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+,"))));

    // The window's own colours come from the theme and follow a switch.
    Theme::instance()->setMode(Theme::Mode::Light);
    const QString light = window.resourceBrowser()->staleBanner()->styleSheet();
    QVERIFY2(light.contains(Theme::instance()->name(Theme::Role::Danger)), qPrintable(light));
    Theme::instance()->setMode(Theme::Mode::Dark);
    const QString dark = window.resourceBrowser()->staleBanner()->styleSheet();
    QVERIFY2(dark.contains(Theme::instance()->name(Theme::Role::Danger)), qPrintable(dark));
    QVERIFY(window.tableView()->styleSheet().contains(
        Theme::instance()->name(Theme::Role::HeaderBackground)));
    QVERIFY(light != dark);
    Theme::instance()->setMode(Theme::Mode::Light);
}

QString TestPreferencesDialog::runApp(const QStringList &arguments, int *exitCode)
{
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", m_dir.filePath("home"));
    env.insert("XDG_CONFIG_HOME", m_dir.filePath("home/.config"));
    env.insert("LANG", "en_US.UTF-8");
    env.insert("LANGUAGE", "en");
    env.insert("LC_ALL", "en_US.UTF-8");
    app.setProcessEnvironment(env);
    app.start(qEnvironmentVariable("ORRERY_APP_BINARY", QStringLiteral(ORRERY_APP_BINARY)),
              arguments);
    if (!app.waitForFinished(30000)) {
        app.kill();
        *exitCode = -1;
        return {};
    }
    *exitCode = app.exitCode();
    return QString::fromUtf8(app.readAllStandardOutput() + app.readAllStandardError());
}

void TestPreferencesDialog::appHonoursLanguage()
{
    int code = 0;
    const QString english = runApp({"--help"}, &code);
    QCOMPARE(code, 0);
    QVERIFY2(english.contains("Native Kubernetes cluster"), qPrintable(english));
    QVERIFY(english.contains("--view"));
    QVERIFY(!english.contains("--select-kind"));

    const QString french = runApp({"--language", "fr", "--help"}, &code);
    QCOMPARE(code, 0);
    QVERIFY2(french.contains(QString::fromUtf8("Gestionnaire natif de clusters")),
             qPrintable(french));

    // The stored choice, as the Preferences dialog writes it.
    {
        QSettings stored(m_dir.filePath("home/.config/Orrery/Orrery.conf"), QSettings::IniFormat);
        stored.setValue("appearance/language", "fr");
    }
    QVERIFY(
        runApp({"--help"}, &code).contains(QString::fromUtf8("Gestionnaire natif de clusters")));
    QVERIFY(runApp({"--language=en", "--help"}, &code).contains("Native Kubernetes cluster"));

    const QString refused = runApp(
        {"--language", "de", "--list-contexts", "--kubeconfig", m_dir.filePath("none")}, &code);
    QVERIFY2(refused.contains("unknown --language"), qPrintable(refused));
    QCOMPARE(code, 2);
}

void TestPreferencesDialog::monitoringPerContext()
{
    ContextPreferences prefs(m_dir.filePath(QStringLiteral("monitoring.ini")));
    PreferencesDialog dialog;
    QVERIFY(!dialog.prometheusEdit()->isVisibleTo(&dialog)); // no context: no monitoring group
    dialog.setContext(&prefs, QStringLiteral("prod"), QStringLiteral("Prometheus: found"));
    dialog.show();
    QVERIFY(dialog.prometheusEdit()->isVisible());
    QCOMPARE(dialog.monitoringNote()->text(), QStringLiteral("Prometheus: found"));

    // What does not parse is refused, with the reason; nothing is stored.
    dialog.prometheusEdit()->setText(QStringLiteral("prometheus:9090"));
    emit dialog.prometheusEdit()->editingFinished();
    QVERIFY(prefs.prometheusSetting(QStringLiteral("prod")).isEmpty());
    QVERIFY2(dialog.monitoringNote()->text().contains(QStringLiteral("namespace/name:port")),
             qPrintable(dialog.monitoringNote()->text()));

    dialog.prometheusEdit()->setText(QStringLiteral("monitoring/prometheus-operated:web"));
    dialog.alertmanagerEdit()->setText(QStringLiteral("http://127.0.0.1:9093"));
    emit dialog.alertmanagerEdit()->editingFinished();
    QCOMPARE(prefs.prometheusSetting(QStringLiteral("prod")),
             QStringLiteral("monitoring/prometheus-operated:web"));
    QCOMPARE(prefs.alertmanagerSetting(QStringLiteral("prod")),
             QStringLiteral("http://127.0.0.1:9093"));
    QVERIFY(prefs.prometheusSetting(QStringLiteral("other")).isEmpty());
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
