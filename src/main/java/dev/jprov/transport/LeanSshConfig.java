package dev.jprov.transport;

import com.hierynomus.sshj.key.KeyAlgorithms;
import com.hierynomus.sshj.transport.cipher.BlockCiphers;
import com.hierynomus.sshj.transport.cipher.ChachaPolyCiphers;
import com.hierynomus.sshj.transport.cipher.GcmCiphers;
import com.hierynomus.sshj.transport.kex.DHGroups;
import com.hierynomus.sshj.transport.kex.ExtInfoClientFactory;
import com.hierynomus.sshj.transport.mac.Macs;
import com.hierynomus.sshj.userauth.keyprovider.OpenSSHKeyV1KeyFile;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.ConfigImpl;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.LoggerFactory;
import net.schmizz.sshj.transport.cipher.Cipher;
import net.schmizz.sshj.transport.compression.Compression;
import net.schmizz.sshj.transport.kex.KeyExchange;
import net.schmizz.sshj.transport.mac.MAC;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.transport.compression.NoneCompression;
import net.schmizz.sshj.transport.kex.Curve25519SHA256;
import net.schmizz.sshj.transport.kex.DHGexSHA256;
import net.schmizz.sshj.transport.kex.ECDHNistP;
import net.schmizz.sshj.transport.random.JCERandom;
import net.schmizz.sshj.transport.random.SingletonRandomFactory;
import net.schmizz.sshj.userauth.keyprovider.OpenSSHKeyFile;
import net.schmizz.sshj.userauth.keyprovider.PKCS8KeyFile;

import java.util.List;

/**
 * The algorithms jprov offers, modern ones first, all served by the JDK's own providers (sshj's BouncyCastle
 * registration is switched off by {@link SshConnector}: it cost ~0.55 s per run). Unlike sshj's DefaultConfig it
 * does not trial-initialise ~30 legacy ciphers on every construction, and it drops SHA-1 key exchanges and MACs.
 */
final class LeanSshConfig extends ConfigImpl {

    LeanSshConfig() {
        setLoggerFactory(LoggerFactory.DEFAULT);
        setVersion("jprov");
        setKeyExchangeFactories(List.<Factory.Named<KeyExchange>>of(
                new Curve25519SHA256.Factory(),
                new Curve25519SHA256.FactoryLibSsh(),
                new ECDHNistP.Factory256(),
                new ECDHNistP.Factory384(),
                new ECDHNistP.Factory521(),
                new DHGexSHA256.Factory(),
                DHGroups.Group16SHA512(),
                DHGroups.Group14SHA256(),
                // Asks the server for server-sig-algs, so RSA user keys sign with rsa-sha2-* (OpenSSH >= 8.8
                // refuses ssh-rsa).
                new ExtInfoClientFactory()));
        // AES-GCM first: AES-NI makes it the cheapest on the JDK; ChaCha20 for hosts without it.
        setCipherFactories(List.<Factory.Named<Cipher>>of(
                GcmCiphers.AES128GCM(),
                ChachaPolyCiphers.CHACHA_POLY_OPENSSH(),
                GcmCiphers.AES256GCM(),
                BlockCiphers.AES128CTR(),
                BlockCiphers.AES256CTR()));
        setMACFactories(List.<Factory.Named<MAC>>of(
                Macs.HMACSHA2256Etm(),
                Macs.HMACSHA2512Etm(),
                Macs.HMACSHA2256(),
                Macs.HMACSHA2512()));
        setCompressionFactories(List.<Factory.Named<Compression>>of(new NoneCompression.Factory()));
        setKeyAlgorithms(List.of(
                KeyAlgorithms.EdDSA25519(),
                KeyAlgorithms.ECDSASHANistp256(),
                KeyAlgorithms.ECDSASHANistp384(),
                KeyAlgorithms.ECDSASHANistp521(),
                KeyAlgorithms.RSASHA512(),
                KeyAlgorithms.RSASHA256(),
                KeyAlgorithms.SSHRSA()));
        setRandomFactory(new SingletonRandomFactory(new JCERandom.Factory()));
        setFileKeyProviderFactories(List.<Factory.Named<FileKeyProvider>>of(
                new OpenSSHKeyV1KeyFile.Factory(),
                new PKCS8KeyFile.Factory(),
                new OpenSSHKeyFile.Factory()));
        setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    }
}
