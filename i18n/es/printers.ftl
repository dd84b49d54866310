# La página de Impresoras (CUPS; los cambios que debe permitir un administrador pasan por
# cups-pk-helper y polkit; las impresoras de red se encuentran mediante Avahi).

printers-title = Impresoras
    .keywords = impresora;impresoras;imprimir;impresión;cola;cola de impresión;trabajos;tinta;cartucho;tóner;papel;escáner;impresora de red;printer;print;cups;ipp;airprint;driverless

## La lista de impresoras.
printers-none = Todavía no se ha añadido ninguna impresora.
printers-add = Añadir una impresora…
printers-default-mark = Impresora predeterminada
printers-set-default = Hacer predeterminada
printers-pause = Pausar
printers-resume = Reanudar
printers-test-page = Imprimir una página de prueba
printers-test-page-sent = Se envió una página de prueba a { $printer }.
printers-rename = Cambiar nombre
printers-rename-field = Nombre nuevo
printers-rename-save = Guardar
printers-rename-cancel = Cancelar
printers-remove = Quitar
printers-remove-question = ¿Quitar «{ $printer }»?
printers-remove-explain = Se cancelan sus trabajos en espera. Puede volver a añadirla más tarde.
printers-remove-confirm = Quitar
printers-remove-cancel = Cancelar
printers-details = Detalles
printers-hide-details = Ocultar detalles
printers-options = Opciones predeterminadas
printers-jobs-heading = Trabajos
printers-location = Ubicación
printers-address = Dirección
printers-model = Modelo
printers-dismiss = Cerrar
printers-ink-heading = Tinta y tóner
printers-ink-level = { $marker }: { $percent } %
printers-waste-level = { $marker }: { $percent } % de espacio libre
printers-ink-unknown = { $marker }: nivel desconocido
printers-ink-none = La impresora no informa de sus niveles de tinta o tóner.

## Estados de la impresora y sus motivos, en palabras sencillas.
printers-state-idle = Lista
printers-state-printing = Imprimiendo
printers-state-stopped = En pausa
printers-state-not-accepting = No acepta trabajos nuevos
printers-reason-media-empty = No queda papel.
printers-reason-media-jam = Atasco de papel.
printers-reason-media-low = Queda poco papel.
printers-reason-offline = La impresora no está conectada.
printers-reason-toner-low = Queda poco tóner.
printers-reason-toner-empty = No queda tóner.
printers-reason-marker-low = Queda poca tinta.
printers-reason-marker-empty = No queda tinta.
printers-reason-waste-full = El depósito de tinta o tóner usado está lleno.
printers-reason-cover-open = Hay una tapa abierta.
printers-reason-door-open = Hay una puerta abierta.
printers-reason-tray-missing = Falta una bandeja de papel.
printers-reason-output-full = La bandeja de salida está llena.
printers-reason-shutdown = La impresora está apagada.
printers-reason-missing-filter = Falta un programa necesario para imprimir en esta impresora.
printers-reason-paused = Pausada por un administrador.
printers-reason-connecting = Conectando con la impresora…
printers-reason-other = La impresora informa: «{ $reason }».

## Trabajos.
printers-jobs-none = No hay trabajos en espera.
printers-job-title-unknown = Documento sin título
printers-job-private = Documento de otra persona
printers-job-line = { $title } — { $owner }
printers-job-pages = { $pages ->
    [one] { $pages } página
   *[other] { $pages } páginas
}
printers-job-pending = En espera
printers-job-held = Retenido
printers-job-processing = Imprimiendo
printers-job-stopped = Detenido
printers-job-canceled = Cancelado
printers-job-aborted = Falló
printers-job-completed = Impreso
printers-job-cancel = Cancelar
printers-job-hold = Retener
printers-job-release = Liberar
printers-jobs-cancel-mine = Cancelar todos mis trabajos

## Opciones (los valores predeterminados de la propia impresora).
printers-option-media = Tamaño del papel
printers-option-sides = Doble cara
printers-sides-one = Una cara
printers-sides-long = Doble cara, borde largo (libro)
printers-sides-short = Doble cara, borde corto (bloc de notas)
printers-option-color = Color
printers-color-color = Color
printers-color-monochrome = Blanco y negro
printers-color-auto = Automático
printers-option-quality = Calidad
printers-quality-draft = Borrador
printers-quality-normal = Normal
printers-quality-high = Alta

## Añadir una impresora.
printers-add-heading = Añadir una impresora
printers-add-close = Cerrar
printers-add-searching = Buscando impresoras en la red…
printers-add-none-found = Todavía no se ha encontrado ninguna impresora en la red. Puede añadir una por su dirección.
printers-add-discovery-unavailable = No se pueden buscar impresoras en la red: el servicio de búsqueda (Avahi) no está en marcha. Aun así, puede añadir una por su dirección.
printers-add-found = { $host } ({ $address })
printers-add-discovery-failed = No se pudieron buscar impresoras en la red.
printers-add-this = Añadir
printers-add-added = Ya añadida
printers-add-needs-driver = Necesita un controlador que Ferrum no tiene: solo se pueden añadir impresoras que funcionan sin controlador (IPP Everywhere, AirPrint).
printers-add-by-address = Añadir por dirección
printers-add-address-field = Dirección (ipp://, ipps:// o un nombre de equipo)
printers-add-address-button = Añadir
printers-added = Se añadió { $printer }.

## Errores en la dirección, señalados antes de preguntar a CUPS.
printers-address-empty = Escriba la dirección de la impresora.
printers-address-scheme = Solo se pueden usar direcciones ipp:// e ipps:// (o un nombre de equipo).
printers-address-host = «{ $host }» no es un nombre de equipo ni una dirección IP válidos.
printers-address-port = El puerto debe ser un número del 1 al 65535.
printers-address-spaces = Una dirección no puede contener espacios.
printers-address-path = La parte que sigue al nombre del equipo no es una ruta de impresora válida.

## Errores en el nombre.
printers-name-empty = Escriba un nombre para la impresora.
printers-name-invalid = El nombre de una impresora no puede contener espacios, «/» ni «#», y tiene como máximo 127 caracteres.
printers-name-too-long = El nombre de una impresora puede tener como máximo 127 caracteres.

## Fallos.
printers-not-running = El servicio de impresión no está en marcha
    .body = CUPS no se está ejecutando. La página vuelve a mostrar las impresoras en cuanto vuelva a funcionar.
printers-unreadable = No se pueden leer las impresoras
printers-error-not-running = El servicio de impresión (CUPS) no está en marcha.
printers-error-not-authorized = Un administrador no lo permitió; no se cambió nada.
printers-error-helper-missing = El servicio de administración de impresoras (cups-pk-helper) no está disponible.
printers-error-timeout = El servicio de impresión no respondió a tiempo.
printers-error-refused = CUPS lo rechazó: { $message }
printers-error-not-found = La impresora o el trabajo ya no existe.
printers-error-bad-answer = El servicio de impresión dio una respuesta que no se pudo leer.
printers-error-unreachable = No se pudo contactar con el servicio de impresión.
printers-error-bus = El bus del sistema no transmitió la petición.
printers-failed-add = No se pudo añadir { $printer }.
printers-failed-remove = No se pudo quitar { $printer }.
printers-failed-default = No se pudo hacer predeterminada { $printer }.
printers-failed-pause = No se pudo pausar { $printer }.
printers-failed-resume = No se pudo reanudar { $printer }.
printers-failed-accepting = No se pudo cambiar si { $printer } acepta trabajos.
printers-failed-rename = No se pudo cambiar el nombre de { $printer }.
printers-failed-test-page = No se pudo imprimir una página de prueba en { $printer }.
printers-failed-option = No se pudieron cambiar las opciones de { $printer }.
printers-failed-job = No se pudo cambiar el trabajo «{ $job }».
