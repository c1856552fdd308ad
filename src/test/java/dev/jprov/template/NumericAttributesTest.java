package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericAttributesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            item.0.name            | item[0].name
            item.10                | item[10]
            groups['web'].0        | groups['web'][0]
            f(x).1                 | f(x)[1]
            1.5 + x                | 1.5 + x
            a1.2                   | a1[2]
            'item.0' ~ x           | 'item.0' ~ x
            item.0a                | item.0a
            x                      | x
            """)
    void numericAttributesBecomeSubscripts(String expression, String expected) {
        assertEquals(expected, NumericAttributes.inExpression(expression));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {{ item.0 }} v1.2 {# a.0 #}   | {{ item[0] }} v1.2 {# a.0 #}
            {% if x.1 %}y{% endif %}      | {% if x[1] %}y{% endif %}
            no markup 1.0                 | no markup 1.0
            """)
    void onlyInsideBlocks(String template, String expected) {
        assertEquals(expected, NumericAttributes.inTemplate(template));
    }
}
