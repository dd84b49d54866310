## Ferrum Settings: the window, its sidebar and search

app-title = Configuración
search-placeholder = Buscar en la configuración
search-label = Buscar en la configuración
search-no-results = Ningún ajuste coincide con «{ $query }».
theme-toggle-dark = Estilo oscuro
theme-toggle-light = Estilo claro
unknown-panel = No existe ninguna página de configuración llamada «{ $panel }». Se muestra «{ $fallback }» en su lugar.
unknown-panel-detail = Páginas conocidas: { $known }

## The one error surface every page shares

error-details-show = Detalles
error-details-hide = Ocultar detalles
error-copy = Copiar detalles
error-dismiss = Descartar
control-about = { $control }: { $subject }

## Service states shared by every page

service-loading = Cargando…
service-bus-unreachable = No se puede acceder al bus de mensajes del sistema, por lo que no se puede leer ni cambiar la configuración. Reintentando…

## Power page

power-title = Energía
    .keywords = energía;batería;perfil;rendimiento;equilibrado;balanceado;ahorro de energía;ahorro;carga;salud;modo;corriente;enchufado;power;battery;performance;ac
power-mode-heading = Modo de energía
profile-performance = Rendimiento
    .desc = Alto rendimiento y consumo de energía.
profile-balanced = Equilibrado
    .desc = Rendimiento y consumo de energía estándar.
profile-power-saver = Ahorro de energía
    .desc = Rendimiento y consumo de energía reducidos.
profile-unknown = { $name }
    .desc = Un modo de energía que ofrece este equipo.
profile-driver = Controlador: { $driver }
profile-switching = Cambiando…
degraded-lap-detected = El modo de rendimiento está limitado temporalmente porque el equipo está sobre el regazo.
degraded-high-temperature = El modo de rendimiento está limitado temporalmente porque el equipo está demasiado caliente.
degraded-other = El modo de rendimiento está limitado temporalmente ({ $reason }).
holds-heading = Solicitado por aplicaciones
hold-row = { $app } solicita «{ $profile }»: { $reason }
hold-row-no-reason = { $app } solicita «{ $profile }»
power-profiles-unavailable = Los modos de energía no están disponibles
    .body = El servicio de perfiles de energía (power-profiles-daemon) no se está ejecutando. Esta página se actualizará automáticamente cuando se inicie.
power-profiles-failed = No se pudieron leer los modos de energía.
power-profile-not-authorized = No tiene permiso para cambiar el modo de energía.
power-profile-not-offered = Este equipo no ofrece el modo «{ $profile }».
power-profile-service-gone = No se pudo cambiar el modo de energía porque el servicio de perfiles de energía se detuvo.
power-profile-failed = No se pudo cambiar el modo de energía.
power-profile-no-answer = power-profiles-daemon no respondió a tiempo. La página muestra el último modo de energía que informó y seguirá cualquier cambio posterior.

## Battery section of the Power page

battery-heading = Batería
battery-percent = { $percent } %
battery-name = { $vendor } { $model }
battery-name-unknown = Batería
battery-state-charging = Cargando
battery-state-discharging = Usando la batería
battery-state-empty = Vacía
battery-state-fully-charged = Cargada completamente
battery-state-pending-charge = No está cargando
battery-state-pending-discharge = Esperando para descargar
battery-state-unknown = Estado desconocido
battery-time-to-empty = Quedan { $time }
battery-time-to-full = { $time } hasta la carga completa
duration-hours-minutes = { $hours } h { $minutes } min
duration-minutes = { $minutes } min
battery-health = Salud
battery-health-value = { $percent } % de la capacidad de diseño ({ $full } Wh de { $design } Wh)
battery-cycles = { $cycles ->
    [one] { $cycles } ciclo de carga
   *[other] { $cycles } ciclos de carga
}
battery-rate = { $watts } W
power-source = Fuente de alimentación
power-source-ac = Enchufado
power-source-battery = Usando la batería
no-batteries = Este equipo no tiene batería.
upower-unavailable = La información de la batería no está disponible
    .body = El servicio de información de energía (UPower) no se está ejecutando. Esta página se actualizará automáticamente cuando se inicie.
upower-failed = No se pudo leer la información de la batería.

## About page

about-title = Acerca de
    .keywords = acerca de;sistema;versión;núcleo;nombre del equipo;nombre del dispositivo;memoria;procesador;sistema operativo;información;about;kernel;hostname;cpu;os
about-os = Sistema operativo
about-kernel = Núcleo
about-hostname = Nombre del dispositivo
about-processor = Procesador
about-memory = Memoria
about-memory-value = { $gib } GiB
about-unknown = Desconocido
about-read-failed = No se pudo leer la información del sistema.
about-network-name = Nombre en la red
about-rename = Cambiar nombre…
about-rename-unavailable = No se puede cambiar el nombre del equipo: el servicio de nombre de host no está en ejecución.
about-rename-title = Cambiar el nombre de este equipo
about-rename-hint = El nombre del dispositivo es el que ven los demás, por ejemplo por Bluetooth. El nombre en la red identifica el equipo en las redes; sigue al nombre del dispositivo hasta que lo cambie.
about-rename-pretty = Nombre del dispositivo
about-rename-static = Nombre en la red
about-rename-save = Cambiar nombre
about-rename-cancel = Cancelar
about-renaming = Cambiando el nombre del equipo…
about-rename-pretty-empty = Escriba un nombre de dispositivo.
about-rename-pretty-control = El nombre del dispositivo no puede contener tabulaciones ni saltos de línea.
about-rename-pretty-long = El nombre del dispositivo es demasiado largo. Use un nombre más corto.
about-rename-static-empty = Escriba un nombre en la red.
about-rename-static-characters = El nombre en la red solo puede usar las letras de la a a la z, dígitos y guiones.
about-rename-static-long = El nombre en la red puede tener como máximo 64 caracteres.
about-rename-static-hyphen = El nombre en la red no puede empezar ni terminar con un guion.
about-rename-refused = No se cambió el nombre: un administrador no lo permitió.
about-rename-gone = No se cambió el nombre: el servicio de nombre de host no está en ejecución.
about-rename-no-answer = El servicio de nombre de host no respondió. Puede que el nombre no se haya cambiado; la página muestra lo que dice el servicio en cuanto responda.
about-rename-invalid = El servicio de nombre de host no aceptó este nombre.
about-rename-failed = No se pudo cambiar el nombre.
about-rename-partial = Se cambió el nombre del dispositivo, pero no el nombre en la red. La página muestra los nombres que tiene ahora el equipo.

## Accessibility page

a11y-title = Accesibilidad
    .keywords = accesibilidad;lector de pantalla;voz;habla;contraste;tamaño del texto;texto grande;ampliación;zoom;movimiento;animación;teclado;accessibility;a11y;screen reader;orca
a11y-seeing-heading = Visión
a11y-hearing-heading = Audición y habla
a11y-high-contrast = Contraste alto
    .desc = Colores y contornos más marcados, más fáciles de distinguir.
a11y-text-scale = Tamaño del texto
    .desc = Aumenta el tamaño del texto y de los controles.
a11y-text-scale-value = { $percent } %
a11y-reduced-motion = Reducir el movimiento
    .desc = Desactiva las animaciones y los efectos de movimiento.
a11y-self-voicing = Leer el elemento con el foco
    .desc = Lee en voz alta cada control cuando recibe el foco del teclado, sin necesidad de un lector de pantalla aparte.
a11y-speech-unavailable = La voz no está disponible: el servicio de voz (speech-dispatcher) no se está ejecutando.
a11y-preferences-not-saved = No se pudo guardar su configuración de accesibilidad; se aplicará hasta que cierre Configuración.
a11y-preferences-invalid = No se pudo leer su configuración de accesibilidad guardada, por lo que se usan los valores predeterminados.

## Words self-voicing and screen readers use

role-button = botón
role-switch = interruptor
role-check-box = casilla de verificación
role-radio-button = botón de radio
role-radio-group = grupo de opciones
role-slider = deslizador
role-list-item = elemento de lista
role-list = lista
role-text-input = campo de texto
role-password-input = campo de contraseña
role-heading = encabezado
role-label = texto
role-group = grupo
role-progress = barra de progreso
role-alert = alerta
state-on = activado
state-off = desactivado
state-selected = seleccionado
state-unavailable = no disponible
secret-characters = { $count ->
    [one] { $count } carácter
   *[other] { $count } caracteres
}

# Started without a display (printed, one sentence).
no-display = No se puede mostrar ninguna ventana: no hay pantalla Wayland (WAYLAND_DISPLAY no está definido); inícielo desde una sesión Wayland.
no-display-socket = No se puede mostrar ninguna ventana: la pantalla Wayland { $path } no existe.

# Said when reading aloud is turned on or off.
voicing-on = Lectura en voz alta activada
voicing-off = Lectura en voz alta desactivada
upower-no-answer = UPower no respondió a tiempo, así que se desconoce el estado de la batería.

# A percentage (a level, a volume).
percent-value = { $percent } %

# A size in bytes, kilobytes (1000 bytes), megabytes and gigabytes.
size-bytes = { $size } bytes
size-kb = { $size } kB
size-mb = { $size } MB
size-gb = { $size } GB
