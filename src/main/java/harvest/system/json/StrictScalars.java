package harvest.system.json;

import harvest.system.problem.Problem;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * JSON scalars read as what they are, never coerced: the framework's readers take {@code 123} for the text "123",
 * {@code [1]} for the number 1 and {@code "yes"} for a boolean (false, which once disabled an account). A value
 * of another JSON type is refused, and the refusal names the property.
 */
@Factory
class StrictScalars {

    @Singleton
    @Primary
    Deserializer<String> strings() {
        return strict("a string", JsonNode::isString, JsonNode::getStringValue);
    }

    @Singleton
    @Primary
    Deserializer<Boolean> booleans() {
        return strict("true or false", JsonNode::isBoolean, JsonNode::getBooleanValue);
    }

    @Singleton
    @Primary
    Deserializer<Double> doubles() {
        return strict("a number", JsonNode::isNumber, node -> node.getNumberValue().doubleValue());
    }

    @Singleton
    @Primary
    Deserializer<Integer> integers() {
        return strict("a whole number", StrictScalars::isWhole, node -> Math.toIntExact(node.getLongValue()));
    }

    @Singleton
    @Primary
    Deserializer<Long> longs() {
        return strict("a whole number", StrictScalars::isWhole, JsonNode::getLongValue);
    }

    @Singleton
    @Primary
    Deserializer<BigDecimal> decimals() {
        return strict("a number", JsonNode::isNumber, node -> new BigDecimal(node.getNumberValue().toString()));
    }

    private static boolean isWhole(JsonNode node) {
        return node.isNumber() && new BigDecimal(node.getNumberValue().toString()).stripTrailingZeros().scale() <= 0;
    }

    private static <T> Deserializer<T> strict(String expected, Predicate<JsonNode> is, Function<JsonNode, T> value) {
        return (Decoder decoder, Deserializer.DecoderContext context, io.micronaut.core.type.Argument<? super T> type) -> {
            JsonNode node = decoder.decodeNode();
            if (!is.test(node)) {
                throw refused(type, "must be " + expected + ", not " + kind(node));
            }
            try {
                return value.apply(node);
            } catch (ArithmeticException e) {
                throw refused(type, "must be " + expected + " in range");
            }
        };
    }

    /** The property's argument carries its name; the problem names it as it names an unknown one. */
    private static ProblemException refused(io.micronaut.core.type.Argument<?> type, String message) {
        String property = type.getName().isBlank() ? "body" : type.getName();
        return new ProblemException(ProblemType.MALFORMED_REQUEST, property + ": " + message, List.of(Problem.Violation.of(property, message)));
    }

    private static String kind(JsonNode node) {
        return node.isString() ? "a string" : node.isNumber() ? "a number" : node.isBoolean() ? "true or false"
                : node.isArray() ? "an array" : node.isObject() ? "an object" : "null";
    }
}
