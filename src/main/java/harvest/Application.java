package harvest;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(info = @Info(
        title = "Harvest coordination API",
        version = "1",
        description = "Ledgers, weather windows, harvest plans, SMS and daily dispatch for a county agriculture bureau. "
                + "Sign in at /api/v1/auth (staff: username and password; the app: phone number and a texted code) and "
                + "send the access token as a bearer token."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
