package harvest.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Base64;

/**
 * Access tokens are signed HS256 with a key derived from {@link ServerSecret}. Built here rather than from
 * {@code micronaut.security.token.jwt.signatures.secret.*} so a missing secret cannot leave tokens unsigned.
 */
@Factory
public class TokenSignature {
    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration generator(ServerSecret secret) {
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
        config.setBase64(true);
        config.setSecret(Base64.getEncoder().encodeToString(secret.signingKey()));
        return new SecretSignature(config);
    }
}
