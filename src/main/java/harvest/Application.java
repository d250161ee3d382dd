package harvest;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(
        title = "Harvest coordination API",
        version = "1",
        description = "Ledgers, weather windows, harvest plans, SMS and daily dispatch for a county agriculture bureau"))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
