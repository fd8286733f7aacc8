package dev.wheelwise.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PEM files a docker client reads ({@code ca.pem}, {@code cert.pem}, {@code key.pem}): X.509
 * certificates, and an unencrypted private key in any of the three forms openssl writes: PKCS#8
 * ({@code PRIVATE KEY}, RSA, EC or Ed25519), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}). The JDK reads only PKCS#8, so the other two are wrapped into it (a
 * fixed DER envelope around the same bytes) rather than bringing BouncyCastle's 8 MB into the
 * release for three envelopes.
 */
final class PemKeys {
  private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)-----END \\1-----", Pattern.DOTALL);
  /** rsaEncryption, 1.2.840.113549.1.1.1, with its NULL parameters. */
  private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
  /** id-ecPublicKey, 1.2.840.10045.2.1. */
  private static final byte[] EC_OID = hex("06072a8648ce3d0201");

  private PemKeys() {}

  /** Every certificate in {@code pem}, in order; fails when there is none. */
  static List<X509Certificate> certificates(String pem, String name) throws GeneralSecurityException {
    List<X509Certificate> out = new ArrayList<>();
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      if (m.group(1).equals("CERTIFICATE")) {
        out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(body(m))));
      }
    }
    if (out.isEmpty()) {
      throw new CertificateException(name + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return out;
  }

  /** The private key in {@code pem}. */
  static PrivateKey privateKey(String pem, String name) throws GeneralSecurityException {
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      String type = m.group(1);
      if (type.equals("ENCRYPTED PRIVATE KEY") || m.group(2).contains("Proc-Type: 4,ENCRYPTED")) {
        throw new GeneralSecurityException(name + " is encrypted; docker reads only unencrypted keys: "
            + "openssl pkey -in " + name + " -out " + name + " (asks the passphrase once)");
      }
      switch (type) {
        case "PRIVATE KEY":
          return pkcs8(body(m), name);
        case "RSA PRIVATE KEY":
          return pkcs8(sequence(concat(hex("020100"), RSA_ALGORITHM, tlv(0x04, body(m)))), name);
        case "EC PRIVATE KEY":
          byte[] sec1 = body(m);
          byte[] curve = curveOf(sec1).orElseThrow(() -> new GeneralSecurityException(
              name + ": the EC key names no curve; rewrite it as PKCS#8: openssl pkcs8 -topk8 -nocrypt -in " + name));
          return pkcs8(sequence(concat(hex("020100"), sequence(concat(EC_OID, curve)), tlv(0x04, sec1))), name);
        default:
          // EC PARAMETERS and certificates may sit beside the key.
      }
    }
    throw new GeneralSecurityException(name + " holds no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
  }

  private static PrivateKey pkcs8(byte[] der, String name) throws GeneralSecurityException {
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisOne) {
        // the next algorithm
      }
    }
    throw new GeneralSecurityException(name + ": not an RSA, EC or Ed25519 private key the JDK can read");
  }

  /**
   * The curve's OID element of a SEC1 key: {@code SEQUENCE { INTEGER 1, OCTET STRING key,
   * [0] OID curve OPTIONAL, [1] BIT STRING OPTIONAL }}.
   */
  private static Optional<byte[]> curveOf(byte[] sec1) {
    int[] outer = header(sec1, 0);
    int at = outer[0];
    int end = Math.min(sec1.length, outer[0] + outer[1]);
    while (at < end) {
      int tag = sec1[at] & 0xff;
      int[] h = header(sec1, at);
      if (tag == 0xa0) {
        byte[] oid = new byte[h[1]];
        System.arraycopy(sec1, h[0], oid, 0, h[1]);
        return Optional.of(oid);
      }
      at = h[0] + h[1];
    }
    return Optional.empty();
  }

  /** The offset of the content and its length, for the DER element starting at {@code at}. */
  private static int[] header(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    if (first < 0x80) {
      return new int[] {at + 2, first};
    }
    int bytes = first & 0x7f;
    int length = 0;
    for (int i = 0; i < bytes; i++) {
      length = (length << 8) | (der[at + 2 + i] & 0xff);
    }
    return new int[] {at + 2 + bytes, length};
  }

  private static byte[] sequence(byte[] content) {
    return tlv(0x30, content);
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(n >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] body(Matcher m) {
    // Headers (Proc-Type, DEK-Info) end at a blank line; the base64 follows.
    String text = m.group(2);
    int blank = text.indexOf("\n\n");
    if (text.contains(":") && blank >= 0) {
      text = text.substring(blank + 2);
    }
    return Base64.getMimeDecoder().decode(text);
  }

  private static byte[] hex(String s) {
    return java.util.HexFormat.of().parseHex(s);
  }
}
