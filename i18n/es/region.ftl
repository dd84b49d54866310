## La página Región e idioma: el idioma de la persona y del equipo, los formatos con una
## vista previa, las distribuciones de teclado del equipo.

region-title = Región e idioma
    .keywords = idioma;región;configuración regional;locale;formatos;formato de fecha;formato de números;medidas;métrico;papel;A4;carta;teclado;distribución;entrada;traducción

region-not-running = El servicio de idioma no está en marcha
    .body = El idioma de la pantalla de inicio de sesión, los formatos y el teclado vienen de systemd-localed. Esta página los muestra por sí sola en cuanto esté en marcha.
region-unreadable = No se pueden leer los ajustes del servicio de idioma

region-language-heading = Idioma
region-person-language = Su idioma
    .desc = Las aplicaciones y el escritorio lo usan a partir de su próximo inicio de sesión.
region-person-unset = Sin elegir: el idioma de la pantalla de inicio de sesión
region-person-unavailable = Ahora no se puede leer el idioma de su cuenta.
region-machine-language = Pantalla de inicio de sesión y cuentas nuevas
    .desc = El idioma de la pantalla de inicio de sesión y de quienes no han elegido uno. Cambiarlo requiere un administrador.
region-unset = Sin definir
region-change = Cambiar…
region-close = Cerrar la lista

region-formats-heading = Formatos
region-formats = Fechas, números, medidas y papel
    .desc = Escritos como en esta región, para todas las personas de este equipo. Cambiarlos requiere un administrador.
region-preview = Vista previa
region-preview-date = Fecha
region-preview-short-date = Fecha en cifras
region-preview-number = Número
region-preview-measurement = Medidas
region-preview-paper = Papel
region-preview-name = Vista previa: { $date }; { $short }; { $number }; { $measurement }; { $paper }
region-measurement-metric = Métrico
region-measurement-us = Unidades de EE. UU. (pulgadas, libras)
region-paper-a4 = A4
region-paper-letter = Carta de EE. UU.

region-keyboard-heading = Distribuciones de teclado
region-keyboard-explained = La pantalla de inicio de sesión y las sesiones nuevas empiezan con estas distribuciones; la primera se usa primero. Cambiarlas requiere un administrador.
region-keyboard-none = No hay ninguna distribución definida: el teclado es inglés (EE. UU.).
region-layout-first = Usar primero
region-layout-remove = Quitar
region-layout-add = Añadir una distribución…

region-picker-title = Añadir una distribución de teclado
region-picker-search = Buscar distribuciones
region-picker-loading = Leyendo las distribuciones de teclado…
region-picker-none = Ninguna distribución coincide con «{ $query }».
region-picker-more = Coinciden más distribuciones: escriba más del nombre.
region-cancel = Cancelar

region-changing-person = Cambiando su idioma a { $language }…
region-changing-language = Cambiando el idioma de la pantalla de inicio de sesión a { $language }…
region-changing-formats = Cambiando a los formatos de { $language }…
region-changing-keyboard = Ajustando las distribuciones de teclado…

region-error-person-refused = Su idioma no se cambió: su cuenta no lo permitió.
region-error-language-refused = El idioma de la pantalla de inicio de sesión no se cambió: un administrador no lo permitió.
region-error-formats-refused = Los formatos no se cambiaron: un administrador no lo permitió.
region-error-keyboard-refused = Las distribuciones de teclado no se cambiaron: un administrador no lo permitió.
region-error-invalid = Se rechazó el cambio: este equipo no conoce ese idioma o esa distribución.
region-error-no-account = Su idioma no se cambió: el servicio de cuentas no conoce su cuenta.
region-error-accounts-gone = Su idioma no se cambió: el servicio de cuentas no está en marcha.
region-error-gone = No se cambió nada: el servicio de idioma no está en marcha.
region-error-no-answer = El servicio de idioma no respondió. Puede que el cambio no se haya hecho; la página muestra lo que dice el servicio en cuanto responda.
region-error-failed = El cambio falló; no se cambió nada.
