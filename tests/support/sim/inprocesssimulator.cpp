// SPDX-License-Identifier: GPL-3.0-or-later
#include "inprocesssimulator.h"

#include <QFile>

namespace Orrery::Test {

namespace {

bool writeFile(const QString &path, const std::string &content, QString *error)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)
        && file.write(content.data(), qint64(content.size())) == qint64(content.size()))
        return true;
    *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return false;
}

} // namespace

bool InProcessSimulator::start(const Sim::SimulatorOptions &options)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    m_sim = std::make_unique<Sim::Simulator>(options);
    std::string error;
    if (!m_sim->start(&error)) {
        m_error = QString::fromStdString(error);
        return false;
    }
    return writeFile(servicesCaFile(), m_sim->servicesCaCertificate(), &m_error)
           && writeFile(kubeconfigFile(), m_sim->kubeconfigYaml(), &m_error);
}

void InProcessSimulator::stop()
{
    if (m_sim)
        m_sim->stop();
}

QString InProcessSimulator::servicesUrl() const
{
    return QString::fromStdString(m_sim->servicesUrl());
}

QByteArray InProcessSimulator::servicesCaPem() const
{
    return QByteArray::fromStdString(m_sim->servicesCaCertificate());
}

} // namespace Orrery::Test
