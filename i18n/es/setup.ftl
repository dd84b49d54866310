# La configuración inicial (ferrum-greeter mientras el equipo no tiene ninguna persona).

setup-title = Configurar este equipo
setup-step = Paso { $number } de { $total }
setup-next = Siguiente
setup-back = Atrás
setup-skip = Omitir
setup-create = Crear cuenta
setup-language-heading = Elija su idioma
setup-keyboard-heading = Elija su distribución de teclado
setup-zone-heading = Elija su zona horaria
setup-zone-search = Buscar una ciudad o región
setup-zone-chosen = Zona horaria: { $zone }
setup-zone-none = Ninguna zona horaria coincide con la búsqueda.
setup-applying = Estableciendo la zona horaria…
setup-zone-unavailable = No se pudo establecer la zona horaria: el servicio de fecha y hora no está en marcha.
setup-zone-refused = No se pudo establecer la zona horaria: este equipo no lo permitió.
setup-zone-unknown = Este equipo no conoce esa zona horaria. Elija otra.
setup-zone-no-answer = El servicio de fecha y hora no respondió. Inténtelo de nuevo.
setup-zone-failed = No se pudo establecer la zona horaria. Inténtelo de nuevo.
setup-network-heading = Conectarse a una red
setup-network-optional = Este paso es opcional: puede conectarse más tarde en Configuración.
setup-network-loading = Buscando redes…
setup-network-connected = Conectado a Internet.
setup-network-limited = Conectado, pero no se puede acceder a Internet.
setup-network-offline = Sin conexión.
setup-network-unavailable = La configuración de red no está disponible en este momento.
setup-network-none = No hay redes Wi-Fi al alcance.
setup-wifi-connected = Conectada
setup-wifi-secured = Protegida, señal { $strength } %
setup-wifi-open = Abierta, señal { $strength } %
setup-wifi-password = Contraseña de { $name }
setup-join-named = Conectar a { $name }
setup-joining = Conectando…
setup-wifi-password-empty = Escriba primero la contraseña de la red.
setup-wifi-password-invalid = Esa no puede ser la contraseña de esta red: compruebe su longitud y sus caracteres.
setup-join-refused = Aquí no se permite conectarse a redes.
setup-join-wrong-password = La red no aceptó la contraseña.
setup-join-timeout = La red no respondió a tiempo. Inténtelo de nuevo.
setup-join-failed = No se pudo conectar a la red.
setup-account-heading = Cree su cuenta
setup-full-name = Nombre completo
setup-user-name = Nombre de usuario
setup-user-name-rules = Letras minúsculas, dígitos, - y _, empezando por una letra.
setup-password = Contraseña
setup-confirmation = Confirme la contraseña
setup-strength-too-short = { $count ->
    [one] Al menos { $count } carácter.
    [many] Al menos { $count } de caracteres.
   *[other] Al menos { $count } caracteres.
}
setup-strength-weak = Contraseña débil: cuanto más larga y con más tipos de caracteres, más difícil es de adivinar.
setup-strength-fair = Contraseña aceptable.
setup-strength-strong = Contraseña fuerte.
setup-administrator = Administrador
setup-administrator-desc = Puede instalar software y cambiar la configuración para todos.
setup-name-empty = Escriba un nombre de usuario.
setup-name-too-long = { $count ->
    [one] Un nombre de usuario tiene como máximo { $count } carácter.
    [many] Un nombre de usuario tiene como máximo { $count } de caracteres.
   *[other] Un nombre de usuario tiene como máximo { $count } caracteres.
}
setup-name-bad-start = Un nombre de usuario empieza por una letra minúscula.
setup-name-bad-characters = Un nombre de usuario solo contiene letras minúsculas, dígitos, - y _.
setup-name-taken = El nombre de usuario { $name } ya está en uso. Elija otro.
setup-password-too-short = { $count ->
    [one] La contraseña necesita al menos { $count } carácter.
    [many] La contraseña necesita al menos { $count } de caracteres.
   *[other] La contraseña necesita al menos { $count } caracteres.
}
setup-password-too-long = La contraseña es demasiado larga.
setup-password-mismatch = Las dos contraseñas no coinciden.
setup-creating = Creando su cuenta…
setup-account-refused = Este equipo no permite crear cuentas en este momento.
setup-account-unavailable = El servicio de cuentas no está en marcha, así que no se creó la cuenta. Vuelva a intentarlo en un momento.
setup-account-no-answer = El servicio de cuentas no respondió. Inténtelo de nuevo.
setup-account-failed = No se pudo crear la cuenta. Inténtelo de nuevo.
setup-account-undone = No se pudo terminar de crear la cuenta, así que se volvió a eliminar. Inténtelo de nuevo.
setup-account-left = No se pudo terminar de crear la cuenta y el servicio de cuentas dejó de responder. Nadie puede iniciar sesión con la cuenta sin terminar; se eliminará cuando lo intente de nuevo.
setup-finish-heading = Le damos la bienvenida
setup-starting = Iniciando su sesión…
setup-created = Se creó su cuenta { $name }, pero no se pudo iniciar sesión.
setup-retry = Reintentar
setup-login-failed = No se pudo iniciar sesión. Inténtelo de nuevo.
setup-login-unreachable = El servicio de inicio de sesión no responde. Inténtelo de nuevo.
