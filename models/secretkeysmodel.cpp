// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretkeysmodel.h"

namespace Orrery {

SecretKeysModel::SecretKeysModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

SecretKeysModel::~SecretKeysModel()
{
    wipe();
}

void SecretKeysModel::wipe()
{
    // Overwrite before release: revealed values should not linger in freed memory longer than
    // needed (best effort; QString may have made copies elsewhere, e.g. in a label).
    for (auto it = m_revealed.begin(); it != m_revealed.end(); ++it)
        it->fill(QLatin1Char(' '));
    m_revealed.clear();
}

void SecretKeysModel::setKeys(const QStringList &keys)
{
    beginResetModel();
    wipe();
    m_keys = keys;
    endResetModel();
}

void SecretKeysModel::reveal(const QString &key, const QString &value)
{
    const int row = int(m_keys.indexOf(key));
    if (row < 0)
        return;
    m_revealed.insert(key, value);
    emit dataChanged(index(row), index(row));
}

void SecretKeysModel::hide(const QString &key)
{
    const int row = int(m_keys.indexOf(key));
    if (row < 0 || !m_revealed.contains(key))
        return;
    m_revealed[key].fill(QLatin1Char(' '));
    m_revealed.remove(key);
    emit dataChanged(index(row), index(row));
}

void SecretKeysModel::hideAll()
{
    if (m_revealed.isEmpty())
        return;
    wipe();
    if (!m_keys.isEmpty())
        emit dataChanged(index(0), index(int(m_keys.size()) - 1));
}

int SecretKeysModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

QVariant SecretKeysModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &key = m_keys.at(index.row());
    const auto it = m_revealed.constFind(key);
    const bool revealed = it != m_revealed.constEnd();
    switch (role) {
    case Qt::DisplayRole:
        return revealed ? key + QStringLiteral(": ") + *it : key + QStringLiteral(": ••••••••");
    case KeyRole: return key;
    case ValueRole: return revealed ? QVariant(*it) : QVariant();
    case RevealedRole: return revealed;
    default: return {};
    }
}

} // namespace Orrery
