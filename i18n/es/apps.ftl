## La página «Aplicaciones»: aplicaciones Flatpak, su instalación, actualización y eliminación, y sus permisos.

apps-title = Aplicaciones
    .keywords = aplicaciones;apps;programas;software;instalar;desinstalar;quitar;eliminar;actualizar;actualización;actualizaciones;permisos;entorno aislado;sandbox;portal;tienda;flatpak;flathub;applications;install;uninstall;remove;update;updates;permissions;store

apps-installed = Aplicaciones instaladas
apps-none-installed = No hay aplicaciones instaladas.
apps-unreadable = No se pueden leer las aplicaciones instaladas
apps-installation-user = Para usted
apps-installation-system = Para todos en este equipo
apps-version = Versión { $version }
apps-origin = De { $remote }
apps-installed-size = Ocupa { $size }
apps-data-size = Sus datos: { $size }
apps-data-size-unknown = Sus datos: desconocido
apps-being-changed = Se está modificando esta aplicación.
apps-open = Abrir
apps-open-failed = No se pudo abrir { $app }.
apps-permissions = Permisos
apps-update = Actualizar
apps-remove = Quitar
apps-close = Cerrar
apps-retry = Reintentar
apps-bullet = • { $line }

## Actualizaciones

apps-check = Buscar actualizaciones
apps-update-all = Actualizar todo
apps-updates-checking = Buscando actualizaciones…
apps-updates-count = { $count ->
    [0] Todas las aplicaciones están al día.
    [one] Hay una actualización disponible.
    [many] Hay { $count } de actualizaciones disponibles.
   *[other] Hay { $count } actualizaciones disponibles.
}
apps-updates-failed = No se pudieron buscar actualizaciones. { $reason }
apps-update-available = Hay una actualización disponible.
apps-update-wider = Hay una actualización disponible. Pide más permisos.
apps-held-question = La actualización de { $app } pide más permisos
apps-held-explain = Queda retenida hasta que la acepte. La nueva versión pide:
apps-held-accept = Aceptar y actualizar
apps-held-decline = Ahora no

## Quitar

apps-remove-question = ¿Quitar { $app }?
apps-remove-explain = La aplicación se quitará de este equipo. Puede volver a instalarla más adelante.
apps-remove-data = Borrar también sus datos
    .description = También se borran sus ajustes y los archivos de su propia carpeta.
apps-remove-cancel = Conservar
apps-remove-confirm = Quitar

## Un cambio en curso y cómo terminó

apps-job-install = Instalando { $app }
apps-job-update = Actualizando { $app }
apps-job-remove = Quitando { $app }
apps-step-starting = Iniciando…
apps-step = Paso { $index } de { $count }: { $kind ->
    [install] instalando
    [update] actualizando
   *[uninstall] quitando
} { $part ->
    [runtime] el entorno de ejecución que necesita
   *[app] la aplicación
}
apps-progress = { $job }: { $percent } %.
apps-progress-bytes = { $size } descargados.
apps-queued = { $count ->
    [one] Queda otro cambio en espera.
    [many] Quedan { $count } de cambios en espera.
   *[other] Quedan { $count } cambios en espera.
}
apps-cancel = Cancelar
apps-cancelling = Cancelando…
apps-ended-done = { $kind ->
    [install] { $app } está instalada.
    [update] { $app } está actualizada.
   *[remove] Se quitó { $app }.
}
apps-ended-update-running = { $app } sigue abierta con la versión anterior; la actualización se aplicará cuando la cierre y la vuelva a abrir.
apps-ended-remove-running = { $app } sigue abierta y funcionará hasta que la cierre.
apps-ended-cancelled = { $kind ->
    [install] Se canceló la instalación de { $app }. No se instaló nada.
    [update] Se canceló la actualización de { $app }. La versión instalada no cambió.
   *[remove] Se canceló la eliminación de { $app }.
}
apps-ended-failed = { $kind ->
    [install] No se instaló { $app }.
    [update] No se actualizó { $app }.
   *[remove] No se quitó { $app }.
}

## Instalar

apps-install = Instalar aplicaciones
apps-search-label = Buscar en los orígenes de aplicaciones
apps-search = Buscar
apps-searching = Buscando…
apps-search-none = Ninguna aplicación coincide con «{ $query }».
apps-search-remote-failed = No se pudo buscar en { $remote }.
apps-details = Detalles
apps-already-installed = Ya instalada
apps-download-size = Descarga: { $size }
apps-asks-for = Pide:
apps-install-button = Instalar

## Orígenes de aplicaciones

apps-remotes = Orígenes de aplicaciones
apps-remotes-none = No hay orígenes de aplicaciones configurados.
apps-remote-disabled = Desactivado
apps-remote-add-title = Añadir un origen de aplicaciones
apps-remote-add-explain = Los orígenes de aplicaciones publican un archivo .flatpakrepo. Su clave de firma siempre se comprueba.
apps-remote-path = Ruta del archivo .flatpakrepo
apps-remote-name = Nombre (vacío: el del archivo)
apps-remote-add = Añadir origen
apps-remote-adding = Añadiendo…
apps-remote-added = Se añadió el origen de aplicaciones { $remote }.
apps-remote-error-no-path = Escriba la ruta de un archivo .flatpakrepo.
apps-remote-error-unreadable = No se pudo leer el archivo.
apps-remote-error-too-large = El archivo es demasiado grande para ser un archivo .flatpakrepo.

## Los permisos de una aplicación

apps-permissions-title = Permisos de { $app }
apps-permissions-explain = Lo que la aplicación puede usar. Su elección se aplica a esta aplicación solo para usted; «Predeterminado» conserva lo que indican la aplicación y los demás ajustes.
apps-permissions-reset = Restablecer los valores de la aplicación
apps-permissions-saving = Guardando…
apps-permissions-write-failed = No se guardó el cambio. { $reason }
apps-choice-default = Predeterminado
apps-choice-allow = Permitir
apps-choice-deny = Denegar
apps-row-state = { $value } — { $source }
apps-source = { $layer ->
    [app] valor de la aplicación
    [system-global] fijado para todas las aplicaciones de este equipo
    [system-app] fijado para esta aplicación en este equipo
    [user-global] su ajuste para todas las aplicaciones
    [user-app] su ajuste para esta aplicación
   *[none] no lo pide
}
apps-value-allowed = Permitido
apps-value-denied = No permitido
apps-value-not-asked = No permitido
apps-value-access = { $access ->
    [ro] Solo lectura
    [rw] Lectura y escritura
    [create] Lectura y escritura; se crea si falta
   *[denied] No permitido
}
apps-value-bus = { $policy ->
    [see] Puede verlo
    [talk] Puede hablar con él
    [own] Puede poseer el nombre
   *[none] No permitido
}
apps-value-environment = Con el valor «{ $value }»
apps-perm-line = { $permission }: { $value }
apps-perm-nothing = No pide ningún permiso.
apps-perm-shared = { $word ->
    [network] Usar la red
    [ipc] Compartir memoria con otros programas
   *[other] Compartir «{ $word }» con este equipo
}
apps-perm-socket = { $word ->
    [wayland] Mostrar ventanas
    [x11] Mostrar ventanas mediante X11
    [fallback-x11] Mostrar ventanas mediante X11 cuando no hay Wayland
    [pulseaudio] Reproducir y grabar sonido
    [session-bus] Hablar con todos los programas de su sesión
    [system-bus] Hablar con todos los servicios de este equipo
    [ssh-auth] Usar sus claves SSH
    [pcsc] Usar tarjetas inteligentes
    [cups] Imprimir
    [gpg-agent] Usar sus claves GPG
   *[other] Usar el socket «{ $word }»
}
apps-perm-device = { $word ->
    [dri] Usar la tarjeta gráfica
    [input] Leer los dispositivos de entrada
    [usb] Usar dispositivos USB
    [kvm] Ejecutar máquinas virtuales
    [shm] Compartir memoria mediante /dev/shm
    [all] Usar todos los dispositivos, como cámaras y micrófonos
   *[other] Usar el dispositivo «{ $word }»
}
apps-perm-feature = { $word ->
    [devel] Usar herramientas de depuración
    [multiarch] Ejecutar programas hechos para otros procesadores
    [bluetooth] Usar Bluetooth
    [canbus] Usar dispositivos de bus CAN
    [per-app-dev-shm] Tener su propia memoria compartida
   *[other] Usar la función «{ $word }»
}
apps-perm-filesystem = { $path ->
    [host] Todos los archivos de este equipo
    [host-os] Los programas y bibliotecas del sistema
    [host-etc] Los ajustes del sistema
    [home] Su carpeta personal
    [xdg-download] Su carpeta Descargas
    [xdg-documents] Su carpeta Documentos
    [xdg-music] Su carpeta Música
    [xdg-pictures] Su carpeta Imágenes
    [xdg-videos] Su carpeta Vídeos
    [xdg-desktop] Su carpeta Escritorio
   *[other] La carpeta { $path }
}
apps-perm-session-bus = Hablar con { $name }
apps-perm-system-bus = Hablar con el servicio del sistema { $name }
apps-perm-environment = La variable { $name }

## Permisos concedidos por los portales

apps-portal-title = Permitido cuando lo pidió
apps-portal-none = No se ha permitido nada a la aplicación cuando lo pidió.
apps-portal = { $permission ->
    [notifications] Mostrar notificaciones
    [background] Funcionar en segundo plano
    [camera] Usar la cámara
    [microphone] Usar el micrófono
    [speakers] Reproducir sonido
    [location] Conocer su ubicación
   *[screenshot] Hacer capturas de pantalla
}
apps-portal-other = { $table }: { $id }
apps-portal-state = { $granted ->
    [yes] { $permission }: permitido
   *[no] { $permission }: no permitido
}
apps-revoke = Revocar
apps-revoke-failed = No se pudo revocar el permiso. { $reason }

## Errores

apps-error-not-installed = La aplicación no está instalada.
apps-error-already-installed = La aplicación ya está instalada.
apps-error-unsigned = El origen de aplicaciones no tiene clave de firma, así que no se pudo comprobar lo que ofrece. No se añadió.
apps-error-already-exists = Ya existe un origen de aplicaciones con ese nombre.
apps-error-not-found = El origen de aplicaciones no lo ofrece.
apps-error-unreachable = No se pudo conectar con el origen de aplicaciones. Compruebe que este equipo tiene conexión.
apps-error-signature = Lo que envió el origen de aplicaciones no está firmado con su clave, así que se rechazó. No se instaló nada.
apps-error-cancelled = Se canceló.
apps-error-permission-denied = No estaba permitido.
apps-error-no-space = No hay espacio suficiente en el disco.
apps-error-app-running = La aplicación está abierta. Ciérrela y vuelva a intentarlo.
apps-error-permission-store = El almacén de permisos no está en marcha. Vuelva a intentarlo en un momento.
apps-error-permission-store-hung = El almacén de permisos no respondió a tiempo. Vuelva a intentarlo para leer lo que guarda.
apps-error-system-helper = El servicio del sistema de Flatpak no está en marcha, así que ahora no se pueden cambiar las aplicaciones para todos los usuarios de este equipo. No se cambió nada. Vuelva a intentarlo en un momento.
apps-error-worker = Flatpak no funciona en este momento. La página lo volverá a intentar por sí sola.
apps-error-other = Flatpak no pudo hacerlo.
