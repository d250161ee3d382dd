package harvest.system.problem;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.sql.SQLException;

/**
 * Constraint violations that only the database can see (two requests racing for the same code or version)
 * are still the client's problem, never a 500.
 */
@Singleton
public class DataAccessProblemHandler implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE classes 22 (data exception: too long, out of range) and 23 (integrity: foreign key, check, not null). */
    private static final String DATA_EXCEPTION_CLASS = "22";
    private static final String INTEGRITY_CONSTRAINT_CLASS = "23";

    private final ProblemExceptionHandler problems;

    public DataAccessProblemHandler(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
        return problems.handle(request, translate(exception));
    }

    /** The client's problem behind a database refusal; anything else is the server's and is rethrown. */
    public static ProblemException translate(DataAccessException exception) {
        if (exception instanceof OptimisticLockException) {
            return new ProblemException(ProblemType.VERSION_CONFLICT, "The resource was changed concurrently; reload it and retry");
        }
        String state = sqlState(exception);
        if (UNIQUE_VIOLATION.equals(state)) {
            return new ProblemException(ProblemType.DUPLICATE_CODE, "A resource with this code already exists");
        }
        if (state != null && (state.startsWith(DATA_EXCEPTION_CLASS) || state.startsWith(INTEGRITY_CONSTRAINT_CLASS))) {
            return new ProblemException(ProblemType.VALIDATION, "The database rejected the data: " + constraintName(exception));
        }
        throw exception;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String constraintName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return "constraint violated";
    }
}
