// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QStringList>

namespace Orrery {

// The keys of a Secret with their values hidden. A value enters the model only through
// reveal(key, value), which the UI calls after the user clicked "Reveal" for that key and the
// value was fetched; hide() and setKeys() forget it again. The model never writes anywhere,
// and its ValueRole is empty for hidden keys, so no view, log or copy action can leak a value
// that was not explicitly revealed.
class SecretKeysModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles : int { KeyRole = Qt::UserRole + 1, ValueRole, RevealedRole };

    explicit SecretKeysModel(QObject *parent = nullptr);
    ~SecretKeysModel() override;

    void setKeys(const QStringList &keys); // forgets every revealed value
    QStringList keys() const { return m_keys; }

    void reveal(const QString &key, const QString &value);
    void hide(const QString &key);
    void hideAll();
    bool isRevealed(const QString &key) const { return m_revealed.contains(key); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void wipe();

    QStringList m_keys;
    QHash<QString, QString> m_revealed;
};

} // namespace Orrery
