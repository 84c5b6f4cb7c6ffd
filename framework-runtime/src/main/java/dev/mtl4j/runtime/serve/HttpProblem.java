package dev.mtl4j.runtime.serve;

import java.util.List;

/**
 * A request the server refuses, with its HTTP status and what to tell the client.
 *
 * @param status the HTTP status (4xx)
 * @param problems one line per problem
 */
record HttpProblem(int status, List<String> problems) {

    HttpProblem {
        problems = List.copyOf(problems);
    }

    static HttpProblem of(int status, String problem) {
        return new HttpProblem(status, List.of(problem));
    }

    /** An exception carrying the problem out of request handling. */
    RuntimeException raise() {
        return new Refused(this);
    }

    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HttpProblem problem;

        Refused(HttpProblem problem) {
            super(problem.problems().get(0), null, false, false);
            this.problem = problem;
        }

        HttpProblem problem() {
            return problem;
        }
    }
}
