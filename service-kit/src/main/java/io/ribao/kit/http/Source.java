package io.ribao.kit.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method's {@code String} parameter that receives where the request came from, as {@link SourceAddress}
 * writes it for audit records. Given by {@link SourceParam}, which {@code SourceParam.register} installs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Source {
}
