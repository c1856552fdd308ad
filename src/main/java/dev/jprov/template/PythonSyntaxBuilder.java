package dev.jprov.template;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.AdditionOperator;
import com.hubspot.jinjava.el.ext.AstTuple;
import com.hubspot.jinjava.el.ext.CollectionMembershipOperator;
import com.hubspot.jinjava.el.ext.CollectionNonMembershipOperator;
import jinjava.de.odysseus.el.tree.impl.Parser.ExtensionHandler;
import jinjava.de.odysseus.el.tree.impl.Parser.ExtensionPoint;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.ExtendedScanner;
import com.hubspot.jinjava.el.ext.PowerOfOperator;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jinjava.de.odysseus.el.misc.BooleanOperations;
import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.javax.el.ELContext;

/**
 * jinjava's expression syntax with Python's operators: {@code '-' * 20} repeats (jinjava fails), {@code 1 + 'a'}
 * is a type error (jinjava concatenates), {@code x / 0} fails (jinjava gives Infinity), {@code in} compares as
 * Python does, and tuples print as tuples.
 */
final class PythonSyntaxBuilder extends ExtendedSyntaxBuilder {
    private static final long serialVersionUID = 1L;

    PythonSyntaxBuilder(Feature... features) {
        super(features);
    }

    @Override
    protected Parser createParser(String expression) {
        return new PythonParser(this, expression);
    }

    private static final class PythonParser extends ExtendedParser {
        PythonParser(Builder context, String input) {
            super(context, input);
            // jinjava's "in" converts the item to the type of the collection's first element ('a' in [1, 'a'] is false)
            putExtensionHandler(CollectionMembershipOperator.TOKEN, handler(IN));
            putExtensionHandler(CollectionNonMembershipOperator.TOKEN, handler(NOT_IN));
        }

        private static ExtensionHandler handler(AstBinary.Operator op) {
            return new ExtensionHandler(ExtensionPoint.CMP) {
                @Override
                public AstNode createAstNode(AstNode... children) {
                    return new AstBinary(children[0], children[1], op);
                }
            };
        }

        /**
         * Jinja2's {@code not} binds looser than comparisons, {@code in}, filters and tests (parse_not sits above
         * parse_compare), so {@code not flag | bool} is {@code not (flag | bool)}. EL's {@code not} is a unary
         * operator that took only the next value, filters and comparisons applying to its result.
         */
        @Override
        protected AstNode unary(boolean required) throws Scanner.ScanException, ParseException {
            if (getToken().getSymbol() != Scanner.Symbol.NOT) return super.unary(required);
            consumeToken();
            return createAstUnary(eq(true), AstUnary.NOT);
        }

        /**
         * Jinja2's comparisons ({@code == != < <= > >= in}, {@code not in}) share one level and chain as Python's:
         * {@code 1 < x < 3} is {@code 1 < x and x < 3}. EL put == and != above the others and could not chain
         * {@code <}. The middle operand is a node in both comparisons, so it is evaluated twice (Python once);
         * templates' operands have no side effects.
         */
        @Override
        protected AstNode eq(boolean required) throws Scanner.ScanException, ParseException {
            AstNode left = add(required);
            if (left == null) return null;
            AstNode chain = null;
            while (true) {
                Token token = getToken();
                AstBinary.Operator op = comparison(token.getSymbol());
                boolean notIn = token.getSymbol() == Scanner.Symbol.NOT && isWord(lookahead(0), "in");
                if (notIn) op = NOT_IN;
                ExtensionHandler membership = op == null ? membership(token) : null;
                if (op == null && membership == null) break;
                consumeToken();
                if (notIn) consumeToken();
                AstNode right = add(true);
                AstNode pair = op != null ? createAstBinary(left, right, op) : membership.createAstNode(left, right);
                chain = chain == null ? pair : createAstBinary(chain, pair, AstBinary.AND);
                left = right;
            }
            return chain == null ? left : chain;
        }

        private ExtensionHandler membership(Token token) {
            if (token.getSymbol() != Scanner.Symbol.EXTENSION) return null;
            ExtensionHandler handler = getExtensionHandler(token);
            return handler != null && handler.getExtensionPoint() == ExtensionPoint.CMP ? handler : null;
        }

        private static AstBinary.Operator comparison(Scanner.Symbol symbol) {
            return switch (symbol) {
                case EQ -> EQUALS;
                case NE -> NOT_EQUALS;
                case LT -> AstBinary.LT;
                case LE -> AstBinary.LE;
                case GT -> AstBinary.GT;
                case GE -> AstBinary.GE;
                default -> null;
            };
        }

        /**
         * Jinja2's {@code **} binds tighter than {@code *}, {@code /}, {@code //} and {@code %} (parse_pow sits
         * between parse_math2 and parse_unary) and is left-associative; jinjava parsed it at the level of
         * {@code *}, so {@code 2 * 3 ** 2} was 36. Its operands are unary expressions with their filters and tests.
         */
        @Override
        protected AstNode filter(boolean required) throws Scanner.ScanException, ParseException {
            AstNode left = filtersAndTests(super.filter(required));
            if (left == null) return null;
            while (isPower(getToken())) {
                ExtensionHandler power = getExtensionHandler(consumeToken());
                left = power.createAstNode(left, super.filter(true));
            }
            return left;
        }

        /**
         * Jinja2 reads any run of filters and tests after a value (parse_filter_expr); jinjava's parseOperators
         * reads either a filter chain or one test, so {@code l | length is odd} failed to parse. It is private,
         * hence the method handle.
         */
        private AstNode filtersAndTests(AstNode node) throws Scanner.ScanException, ParseException {
            while (node != null && (isWord(getToken(), "|") || isWord(getToken(), "is"))) {
                AstNode next;
                try {
                    next = (AstNode) PARSE_OPERATORS.invoke(this, node);
                } catch (Scanner.ScanException | ParseException | RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
                if (next == node) break;
                node = next;
            }
            return node;
        }

        private static boolean isWord(Token token, String image) {
            return image.equals(token.getImage());
        }

        private static boolean isPower(Token token) {
            return token.getSymbol() == Scanner.Symbol.EXTENSION && PowerOfOperator.TOKEN.getImage().equals(token.getImage());
        }

        @Override
        protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
            if (operator == AstBinary.MUL) return super.createAstBinary(left, right, MULTIPLY);
            if (operator == AstBinary.DIV) return super.createAstBinary(left, right, DIVIDE);
            if (operator == AstBinary.MOD) return super.createAstBinary(left, right, MODULO);
            if (operator == AdditionOperator.OP) return super.createAstBinary(left, right, ADD);
            return super.createAstBinary(left, right, operator);
        }

        /**
         * EL's word operators (empty, div, mod, eq, lt, ...) are plain names in Jinja, so a variable called
         * "empty" or "mod" must stay a variable.
         */
        @Override
        protected Scanner createScanner(String expression) {
            return new ExtendedScanner(expression) {
                private Token previous;
                private Token beforePrevious;

                @Override
                protected Token keyword(String s) {
                    return EL_ONLY_KEYWORDS.contains(s) ? null : super.keyword(s);
                }

                /**
                 * A filter or test name may be collection-qualified ({@code x | ansible.builtin.to_json},
                 * {@code x is ansible.builtin.any}): Jinja2's parse_filter and parse_test join the dotted names
                 * into one. EL would read the dots as attribute access on the filter's result.
                 */
                @Override
                protected Token nextToken() throws Scanner.ScanException {
                    Token t = super.nextToken();
                    if (t != null && t.getSymbol() == Scanner.Symbol.IDENTIFIER && namesFilterOrTest()) {
                        java.util.regex.Matcher m = QUALIFIED_REST.matcher(getInput());
                        m.region(getPosition() + t.getSize(), getInput().length());
                        if (m.lookingAt()) {
                            t = token(Scanner.Symbol.IDENTIFIER, t.getImage() + m.group(), t.getSize() + m.group().length());
                        }
                    }
                    beforePrevious = previous;
                    previous = t;
                    return t;
                }

                private boolean namesFilterOrTest() {
                    if (previous == null) return false;
                    String p = previous.getImage();
                    return p.equals("|") || p.equals("is")
                            || (p.equals("not") && beforePrevious != null && beforePrevious.getImage().equals("is"));
                }
            };
        }

        /**
         * Parentheses as Jinja2's parse_tuple reads them: {@code ()} is the empty tuple and {@code ('a',)} a tuple
         * of one ({@code 'text' % ()}, {@code '%s' % (x,)}); jinjava could spell neither.
         */
        @Override
        protected AstNode nonliteral() throws Scanner.ScanException, ParseException {
            if (getToken().getSymbol() != Scanner.Symbol.LPAREN) return super.nonliteral();
            consumeToken();
            List<AstNode> items = new ArrayList<>();
            if (getToken().getSymbol() == Scanner.Symbol.RPAREN) {
                consumeToken();
                return createAstTuple(new AstParameters(items));
            }
            AstNode first = expr(true);
            if (getToken().getSymbol() == Scanner.Symbol.RPAREN) {
                consumeToken();
                return createAstNested(first);
            }
            items.add(first);
            while (getToken().getSymbol() == Scanner.Symbol.COMMA) {
                consumeToken();
                if (getToken().getSymbol() == Scanner.Symbol.RPAREN) break;
                items.add(expr(true));
            }
            consumeToken(Scanner.Symbol.RPAREN);
            return createAstTuple(new AstParameters(items));
        }

        @Override
        protected AstTuple createAstTuple(AstParameters parameters) {
            return new AstTuple(parameters) {
                private static final long serialVersionUID = 1L;

                @Override
                public Object eval(Bindings bindings, ELContext context) {
                    List<?> items = (List<?>) super.eval(bindings, context);
                    return new PythonTuple(items.toArray());
                }
            };
        }
    }

    private static final java.lang.invoke.MethodHandle PARSE_OPERATORS = parseOperators();

    private static java.lang.invoke.MethodHandle parseOperators() {
        try {
            java.lang.reflect.Method m = ExtendedParser.class.getDeclaredMethod("parseOperators", AstNode.class);
            m.setAccessible(true);
            return java.lang.invoke.MethodHandles.lookup().unreflect(m);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jinjava's ExtendedParser has no parseOperators(AstNode)", e);
        }
    }

    /** The ".collection.name" parts after a filter or test name's first word. */
    private static final java.util.regex.Pattern QUALIFIED_REST =
            java.util.regex.Pattern.compile("(?:\\.[A-Za-z_][A-Za-z_0-9]*)+");

    private static final java.util.Set<String> EL_ONLY_KEYWORDS =
            java.util.Set.of("empty", "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof");

    private static final AstBinary.Operator MULTIPLY = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            if (isText(a) && isInt(b)) return a.toString().repeat(Math.max(0, ((Number) b).intValue()));
            if (isInt(a) && isText(b)) return b.toString().repeat(Math.max(0, ((Number) a).intValue()));
            if (a instanceof List<?> l && isInt(b)) return repeat(l, ((Number) b).intValue());
            if (isInt(a) && b instanceof List<?> l) return repeat(l, ((Number) a).intValue());
            return NumberOperations.mul(converter, asInt(a), asInt(b));
        }

        @Override
        public String toString() {
            return "*";
        }
    };

    /** Python's /: always a float, and division by zero is an error rather than Infinity. */
    private static final AstBinary.Operator DIVIDE = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            Object divisor = converter.convert(b, Double.class);
            if (divisor instanceof Double d && d == 0.0) throw RenderSession.failure("division by zero");
            return NumberOperations.div(converter, a, b);
        }

        @Override
        public String toString() {
            return "/";
        }
    };

    /**
     * EL's == with Python's bool-is-int: {@code 1 == true} is True (EL failed to coerce true to a number), which
     * chained comparisons such as {@code x > 2 == true} meet.
     */
    private static final AstBinary.Operator EQUALS = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            return equal(converter, a, b);
        }

        @Override
        public String toString() {
            return "==";
        }
    };

    private static final AstBinary.Operator NOT_EQUALS = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            return !equal(converter, a, b);
        }

        @Override
        public String toString() {
            return "!=";
        }
    };

    private static boolean equal(TypeConverter converter, Object a, Object b) {
        // Python: a string never equals a number ('1234' == 1234 is False); Jinjava's eq would convert the string
        if (isText(a) && isNumeric(b) || isNumeric(a) && isText(b)) return false;
        if (a instanceof Boolean != b instanceof Boolean && isNumeric(a) && isNumeric(b)) return pythonEquals(a, b);
        return BooleanOperations.eq(converter, a, b);
    }

    private static boolean isNumeric(Object o) {
        return o instanceof Number || o instanceof Boolean;
    }

    static final AstBinary.Operator IN = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object item, Object container) {
            return contains(container, item);
        }

        @Override
        public String toString() {
            return "in";
        }
    };

    private static final AstBinary.Operator NOT_IN = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object item, Object container) {
            return !contains(container, item);
        }

        @Override
        public String toString() {
            return "not in";
        }
    };

    /** Python's {@code item in container}: substring, list element (1 == 1.0), or dict key. */
    static boolean contains(Object container, Object item) {
        if (container instanceof Undefined u) throw u.fail();
        if (item instanceof Undefined u) throw u.fail();
        if (isText(container)) {
            if (!isText(item)) {
                throw RenderSession.failure("'in <string>' requires string as left operand, not " + PythonRepr.typeName(item));
            }
            return container.toString().contains(item.toString());
        }
        if (container instanceof java.util.Map<?, ?> m) {
            if (m.containsKey(item)) return true;
            for (Object k : m.keySet()) if (pythonEquals(k, item)) return true;
            return false;
        }
        if (container instanceof Collection<?> c) {
            for (Object o : c) if (pythonEquals(o, item)) return true;
            return false;
        }
        throw RenderSession.failure("argument of type '" + PythonRepr.typeName(container) + "' is not iterable");
    }

    static boolean pythonEquals(Object a, Object b) {
        if (a == null || b == null) return a == b;
        boolean na = a instanceof Number || a instanceof Boolean;
        boolean nb = b instanceof Number || b instanceof Boolean;
        if (na && nb) return PythonOrder.compare(a, b) == 0;
        if (isText(a) && isText(b)) return a.toString().equals(b.toString());
        return a.equals(b);
    }

    private static final AstBinary.Operator ADD = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            if (a instanceof Collection<?> x && b instanceof Collection<?> y) {
                List<Object> out = new ArrayList<>(x);
                out.addAll(y);
                return out;
            }
            if (isText(a) && isText(b)) return a.toString() + b;
            if (isText(a) || isText(b) || a instanceof Collection || b instanceof Collection
                    || a instanceof java.util.Map || b instanceof java.util.Map) {
                throw RenderSession.failure("unsupported operand type(s) for +: '" + PythonRepr.typeName(a)
                        + "' and '" + PythonRepr.typeName(b) + "'");
            }
            return NumberOperations.add(converter, asInt(a), asInt(b));
        }

        @Override
        public String toString() {
            return "+";
        }
    };

    /**
     * Python's %: printf-style formatting when the left side is a string, else the floored modulo (its sign is
     * the divisor's: -7 % 3 is 2, where Java's remainder gives -1).
     */
    private static final AstBinary.Operator MODULO = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            if (a instanceof Undefined u) throw u.fail();
            if (b instanceof Undefined u) throw u.fail();
            if (isText(a)) return PercentFormat.apply(a.toString(), b);
            Object x = asInt(a);
            Object y = asInt(b);
            if ((x instanceof Long || x instanceof Integer) && (y instanceof Long || y instanceof Integer)) {
                long d = ((Number) y).longValue();
                if (d == 0) throw RenderSession.failure("integer modulo by zero");
                return Math.floorMod(((Number) x).longValue(), d);
            }
            if (isInt(x) && isInt(y)) {
                java.math.BigInteger d = new java.math.BigInteger(y.toString());
                if (d.signum() == 0) throw RenderSession.failure("integer modulo by zero");
                java.math.BigInteger r = new java.math.BigInteger(x.toString()).mod(d.abs());
                return d.signum() < 0 && r.signum() != 0 ? r.add(d) : r;
            }
            if (x instanceof Number n && y instanceof Number m) {
                double d = m.doubleValue();
                if (d == 0) throw RenderSession.failure("float modulo");
                double r = n.doubleValue() % d;
                if (r != 0 && (r < 0) != (d < 0)) r += d;
                else if (r == 0) r = Math.copySign(0.0, d);
                return r;
            }
            throw RenderSession.failure("unsupported operand type(s) for %: '" + PythonRepr.typeName(a) + "' and '"
                    + PythonRepr.typeName(b) + "'");
        }

        @Override
        public String toString() {
            return "%";
        }
    };

    /**
     * Python's bool is an int: a test's result meets arithmetic in {@code 1 + 1 is odd}, which is
     * {@code 1 + (1 is odd)}, 2 (EL failed to coerce true to a number).
     */
    private static Object asInt(Object o) {
        return o instanceof Boolean b ? (b ? 1L : 0L) : o;
    }

    private static boolean isText(Object o) {
        return o instanceof String || o instanceof com.hubspot.jinjava.objects.SafeString;
    }

    private static boolean isInt(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof java.math.BigInteger;
    }

    private static List<Object> repeat(List<?> l, int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.addAll(l);
        return out;
    }
}
