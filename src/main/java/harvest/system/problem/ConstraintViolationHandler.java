package harvest.system.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Bean-validation failures become 422 problems naming each property as the client spelled it. */
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {
    private final ProblemExceptionHandler problems;

    public ConstraintViolationHandler(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        List<Problem.Violation> violations = exception.getConstraintViolations().stream()
                .map(v -> Problem.Violation.of(ViolationPaths.render(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return problems.handle(request, new ProblemException(ProblemType.VALIDATION, detail, violations));
    }
}
