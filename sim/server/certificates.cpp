// SPDX-License-Identifier: GPL-3.0-or-later
#include "certificates.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>

namespace Orrery::Sim {

namespace {

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;

void check(bool ok, const char *what)
{
    if (!ok)
        throw std::runtime_error(std::string("OpenSSL failure: ") + what);
}

// ECDSA P-256: generation is instant (RSA-2048 would cost ~100 ms per key per cluster).
KeyPtr newKey()
{
    KeyPtr key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
    check(key != nullptr, "EVP_EC_gen");
    return key;
}

void addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    check(ext != nullptr, "X509V3_EXT_conf_nid");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

CertPtr newCert(EVP_PKEY *key, const std::string &cn, const std::string &org, X509 *issuer)
{
    CertPtr cert(X509_new(), &X509_free);
    check(cert != nullptr, "X509_new");
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    // Backdated an hour so clocks slightly out of step never see a not-yet-valid cert.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * 365);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    if (!org.empty())
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char *>(org.c_str()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(cn.c_str()), -1, -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    return cert;
}

void sign(X509 *cert, EVP_PKEY *key)
{
    check(X509_sign(cert, key, EVP_sha256()) > 0, "X509_sign");
}

std::string pem(X509 *cert)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    check(PEM_write_bio_X509(bio.get(), cert) == 1, "PEM_write_bio_X509");
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

std::string pem(EVP_PKEY *key)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    check(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "PEM_write_bio_PrivateKey");
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

} // namespace

Certificates Certificates::generate(const std::string &clusterName)
{
    Certificates out;
    KeyPtr caKey = newKey();
    CertPtr ca = newCert(caKey.get(), "orrery-sim-ca-" + clusterName, "orrery", nullptr);
    addExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE");
    addExtension(ca.get(), ca.get(), NID_key_usage,
                 "critical,keyCertSign,cRLSign,digitalSignature");
    addExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash");
    sign(ca.get(), caKey.get());

    KeyPtr serverKey = newKey();
    CertPtr server = newCert(serverKey.get(), "kube-apiserver", "", ca.get());
    addExtension(server.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(server.get(), ca.get(), NID_key_usage,
                 "critical,digitalSignature,keyEncipherment");
    addExtension(server.get(), ca.get(), NID_ext_key_usage, "serverAuth");
    addExtension(server.get(), ca.get(), NID_subject_alt_name,
                 "IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default");
    addExtension(server.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
    sign(server.get(), caKey.get());

    KeyPtr adminKey = newKey();
    CertPtr admin = newCert(adminKey.get(), "admin", "system:masters", ca.get());
    addExtension(admin.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(admin.get(), ca.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment");
    addExtension(admin.get(), ca.get(), NID_ext_key_usage, "clientAuth");
    addExtension(admin.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
    sign(admin.get(), caKey.get());

    out.caCert = pem(ca.get());
    out.caKey = pem(caKey.get());
    out.serverCert = pem(server.get());
    out.serverKey = pem(serverKey.get());
    out.adminCert = pem(admin.get());
    out.adminKey = pem(adminKey.get());
    return out;
}

} // namespace Orrery::Sim
