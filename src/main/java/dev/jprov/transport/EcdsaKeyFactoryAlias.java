package dev.jprov.transport;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.List;
import java.util.Map;

/**
 * sshj asks for a KeyFactory named "ECDSA", BouncyCastle's name; the JDK calls it "EC". With BouncyCastle left
 * unregistered (for start-up time) ECDSA host and user keys would fail to load, so this provider answers
 * "ECDSA" with the JDK's own EC KeyFactory. Installed once per JVM; nothing else is added.
 */
final class EcdsaKeyFactoryAlias extends Provider {
    static final String NAME = "jprov-ECDSA-alias";

    private EcdsaKeyFactoryAlias() {
        super(NAME, "1.0", "KeyFactory.ECDSA backed by the JDK's EC KeyFactory");
        putService(new Service(this, "KeyFactory", "ECDSA", Delegate.class.getName(), List.of(), Map.of()) {
            @Override
            public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                return new Delegate(KeyFactory.getInstance("EC"));
            }
        });
    }

    /** Adds the provider unless it is there (Security serialises concurrent calls). */
    static synchronized void install() {
        if (Security.getProvider(NAME) == null) Security.addProvider(new EcdsaKeyFactoryAlias());
    }

    private static final class Delegate extends KeyFactorySpi {
        private final KeyFactory ec;

        Delegate(KeyFactory ec) {
            this.ec = ec;
        }

        @Override
        protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException {
            return ec.generatePublic(spec);
        }

        @Override
        protected PrivateKey engineGeneratePrivate(KeySpec spec) throws InvalidKeySpecException {
            return ec.generatePrivate(spec);
        }

        @Override
        protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> type) throws InvalidKeySpecException {
            return ec.getKeySpec(key, type);
        }

        @Override
        protected Key engineTranslateKey(Key key) throws InvalidKeyException {
            return ec.translateKey(key);
        }
    }
}
